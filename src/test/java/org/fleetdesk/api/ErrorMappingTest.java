package org.fleetdesk.api;

import static org.fleetdesk.api.MockApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private ConnectClient client() {
        return ConnectClient.builder().baseUrl(server.url("/").toString()).token(MockApi.TOKEN)
                .retryPolicy(RetryPolicy.none()).build();
    }

    @Test
    void eachDocumentedStatusBecomesItsOwnTypeWithTheServersMessage() {
        server.enqueue(json(400, "{\"message\":\"Bad state\"}"));
        server.enqueue(json(401, "{\"message\":\"Unauthorized\"}"));
        server.enqueue(json(403, ReferenceExamples.ERROR_BILLING));
        server.enqueue(json(404, "{\"message\":\"Not found\"}"));
        server.enqueue(json(422, ReferenceExamples.ERROR_DESCRIPTION_BLANK));
        server.enqueue(json(429, "{\"message\":\"Slow down\"}"));
        server.enqueue(json(500, "{\"message\":\"Boom\"}"));
        ConnectClient client = client();

        assertEquals("Bad state", assertThrows(BadRequestException.class, () -> client.getAuthKey("k")).serverMessage());
        assertEquals("Unauthorized", assertThrows(UnauthorizedException.class, () -> client.getAuthKey("k")).serverMessage());
        assertEquals("Deployments are blocked until billing has been set up",
                assertThrows(ForbiddenException.class, () -> client.getAuthKey("k")).serverMessage());
        assertEquals("Not found", assertThrows(NotFoundException.class, () -> client.getAuthKey("k")).serverMessage());
        assertEquals("Validation failed: Description can't be blank",
                assertThrows(UnprocessableException.class, () -> client.getAuthKey("k")).serverMessage());
        RateLimitedException limited = assertThrows(RateLimitedException.class, () -> client.getAuthKey("k"));
        assertEquals("Slow down", limited.serverMessage());
        assertEquals(-1, limited.retryAfterMillis());
        ServerErrorException failed = assertThrows(ServerErrorException.class, () -> client.getAuthKey("k"));
        assertEquals(500, failed.status());
        assertEquals("Boom", failed.serverMessage());
    }

    @Test
    void anErrorWithoutABodyHasNoServerMessage() {
        server.enqueue(new MockResponse.Builder().code(401).build());

        UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> client().listAuthKeys(1, 100));

        assertNull(e.serverMessage());
        assertEquals(401, e.status());
    }

    @Test
    void anHtmlErrorPageIsDescribedNotDumped() {
        server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                .body("<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1>" + "x".repeat(5000)
                        + "</body></html>").build());

        ServerErrorException e = assertThrows(ServerErrorException.class, () -> client().listAuthKeys(1, 100));

        assertTrue(e.serverMessage().contains("HTML page (\"502 Bad Gateway\")"), e.serverMessage());
        assertTrue(e.serverMessage().length() < 300);
    }

    @Test
    void anInvalidJsonErrorBodyIsShownAsText() {
        server.enqueue(json(422, "{\"message\": unterminated"));

        UnprocessableException e = assertThrows(UnprocessableException.class, () -> client().getAuthKey("k"));

        assertEquals("{\"message\": unterminated", e.serverMessage());
    }

    @Test
    void aSuccessThatIsNotTheApisJsonSaysSo() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<html>login</html>").build());
        server.enqueue(json(200, "{\"unexpected\":[]}"));
        ConnectClient client = client();

        ApiException html = assertThrows(ApiException.class, () -> client.getAuthKey("k"));
        ApiException wrongShape = assertThrows(ApiException.class, () -> client.listDevices(null, 1, 100));

        assertTrue(html.getMessage().contains("could not be read"), html.getMessage());
        assertTrue(wrongShape.getMessage().contains("expected a \"devices\" list"), wrongShape.getMessage());
    }

    @Test
    void aRedirectIsReportedNotFollowed() {
        server.enqueue(new MockResponse.Builder().code(301).setHeader("Location", "https://elsewhere.example/").build());

        ApiException e = assertThrows(ApiException.class, () -> client().listDevices(null, 1, 100));

        assertTrue(e.getMessage().contains("redirect to https://elsewhere.example/"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }
}
