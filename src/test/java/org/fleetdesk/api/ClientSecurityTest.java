package org.fleetdesk.api;

import static org.fleetdesk.api.MockApi.json;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ClientSecurityTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void plainHttpIsRefusedExceptToThisMachine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ConnectClient.builder().baseUrl("http://api.example.com").token(MockApi.TOKEN).build());

        assertTrue(e.getMessage().contains("Refusing plain http:// to api.example.com"), e.getMessage());
        for (String local : new String[] {"http://localhost:8080", "http://127.0.0.1:9", "http://[::1]:9/",
                "https://api.connect.raspberrypi.com"}) {
            assertDoesNotThrow(() -> ConnectClient.builder().baseUrl(local).token(MockApi.TOKEN).build(), local);
        }
        assertThrows(InvalidInputException.class, () -> ConnectClient.builder().baseUrl("http://10.0.0.1").token("t").build());
        assertThrows(InvalidInputException.class, () -> ConnectClient.builder().baseUrl("ftp://x").token("t").build());
        assertThrows(InvalidInputException.class, () -> ConnectClient.builder().baseUrl("https://x/?a=b").token("t").build());
    }

    @Test
    void aMissingOrMangledTokenIsRefusedWithoutEchoingIt() {
        assertThrows(InvalidInputException.class, () -> ConnectClient.builder().build());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ConnectClient.builder().token("rporg_secret\nX-Evil: 1").build());

        assertFalse(e.getMessage().contains("rporg_secret"));
    }

    @Test
    void theTokenNeverAppearsInToStringOrExceptions() {
        server.enqueue(json(401, "{\"message\":\"Unauthorized\"}"));
        ConnectClient client = MockApi.client(server);

        UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> client.listDevices(null, 1, 100));

        assertFalse(client.toString().contains(MockApi.TOKEN));
        assertFalse(ConnectClient.builder().token(MockApi.TOKEN).toString().contains(MockApi.TOKEN));
        assertFalse(String.valueOf(e.getMessage()).contains(MockApi.TOKEN));
        IdentityRequest request = client.prepareDeviceIdentity(new NewDeviceIdentity(
                TestKeys.pem(TestKeys.p256().getPublic()), "d", null, null));
        assertFalse(request.toString().contains(MockApi.TOKEN));
        assertFalse(request.payload().toString().contains(MockApi.TOKEN));
    }

    @Test
    void requestLoggingRedactsTheAuthorizationHeader() {
        Logger logger = (Logger) LoggerFactory.getLogger("org.fleetdesk.api.http");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Level previous = logger.getLevel();
        logger.setLevel(Level.TRACE);
        try {
            server.enqueue(json(200, ReferenceExamples.DEVICES));
            MockApi.client(server).listDevices(null, 1, 100);
        } finally {
            logger.setLevel(previous);
            logger.detachAppender(appender);
        }

        String logged = appender.list.stream().map(ILoggingEvent::getFormattedMessage).reduce("", String::concat);
        assertTrue(logged.contains("Authorization: <redacted>"), logged);
        assertTrue(logged.contains("/organisation/devices"), logged);
        assertFalse(logged.contains(MockApi.TOKEN));
        assertEquals(2, appender.list.size());
    }
}
