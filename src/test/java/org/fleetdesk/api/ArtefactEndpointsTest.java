package org.fleetdesk.api;

import static org.fleetdesk.api.MockApi.json;
import static org.fleetdesk.api.MockApi.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class ArtefactEndpointsTest {
    private static final String CHECKSUM = "d39fc02ad7878db7f6803f54dfce89346a763a603cb8e62221ba893fee9c5cc6";
    private static final Artefact KIOSK = new Artefact("ee92e7e6-2c2c-4e7d-9d80-2cce8a6c7e8a", "kiosk-v1.0",
            "https://example.com/kiosk-v1.0.tar.zst", CHECKSUM);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void listFiltersByNamePrefixAndParsesTheReferenceExample() throws Exception {
        server.enqueue(json(200, ReferenceExamples.ARTEFACTS));

        Page<Artefact> page = MockApi.client(server).listArtefacts("kiosk v1+", 1, 100);

        RecordedRequest request = take(server);
        assertEquals("GET /organisation/artefacts?page=1&per_page=100&name=kiosk%20v1%2B",
                request.getMethod() + " " + request.getTarget());
        assertEquals(List.of(KIOSK), page.items());
    }

    @Test
    void createSendsTheDocumentedBody() throws Exception {
        server.enqueue(json(201, ReferenceExamples.ARTEFACT_CREATED));

        Artefact created = MockApi.client(server).createArtefact(new NewArtefact("kiosk-v1.0",
                "https://example.com/kiosk-v1.0.tar.zst", CHECKSUM));

        RecordedRequest request = take(server);
        assertEquals("POST /organisation/artefacts", request.getMethod() + " " + request.getTarget());
        assertEquals("{\"name\":\"kiosk-v1.0\",\"uri\":\"https://example.com/kiosk-v1.0.tar.zst\",\"checksum\":\""
                + CHECKSUM + "\"}", request.getBody().utf8());
        assertEquals(KIOSK, created);
    }

    @Test
    void deleteAndItsDocumentedRefusal() throws Exception {
        server.enqueue(MockApi.noContent());
        server.enqueue(json(422, ReferenceExamples.ERROR_ARTEFACT_DEPLOYED));
        ConnectClient client = MockApi.client(server);

        client.deleteArtefact(KIOSK.id());
        UnprocessableException e = assertThrows(UnprocessableException.class, () -> client.deleteArtefact(KIOSK.id()));

        RecordedRequest delete = take(server);
        assertEquals("DELETE /organisation/artefacts/" + KIOSK.id(), delete.getMethod() + " " + delete.getTarget());
        assertEquals("Cannot delete artefacts that have been deployed", e.serverMessage());
    }

    @Test
    void theServersBlankNameRefusalCarriesItsMessage() {
        server.enqueue(json(422, ReferenceExamples.ERROR_NAME_BLANK));

        UnprocessableException e = assertThrows(UnprocessableException.class, () -> MockApi.client(server)
                .createArtefact(new NewArtefact("n", "https://example.com/a", CHECKSUM)));

        assertEquals("Validation failed: Name can't be blank", e.serverMessage());
    }

    @Test
    void invalidArtefactsNeverReachTheNetwork() {
        ConnectClient client = MockApi.client(server);

        assertThrows(InvalidInputException.class, () -> client.createArtefact(new NewArtefact("", "https://e.com/a", CHECKSUM)));
        assertThrows(InvalidInputException.class, () -> client.createArtefact(new NewArtefact("n", "http://e.com/a", CHECKSUM)));
        assertThrows(InvalidInputException.class, () -> client.createArtefact(new NewArtefact("n", "https://e.com/a", "abc")));

        assertEquals(0, server.getRequestCount());
    }
}
