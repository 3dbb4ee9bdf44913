package org.fleetdesk.api;

import static org.fleetdesk.api.MockApi.json;
import static org.fleetdesk.api.MockApi.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class AuthKeyEndpointsTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void createSendsTheJsonBodyAndReturnsTheSecret() throws Exception {
        server.enqueue(json(201, ReferenceExamples.AUTH_KEY_CREATED));

        AuthKey key = MockApi.client(server).createAuthKey(
                new NewAuthKey("my-auth-key", 1, "pi5-001", List.of("production", "kiosk")));

        RecordedRequest request = take(server);
        assertEquals("POST", request.getMethod());
        assertEquals("/organisation/auth-keys", request.getTarget());
        assertEquals("application/json", request.getHeaders().get("Content-Type"));
        assertEquals("{\"description\":\"my-auth-key\",\"ttl_days\":1,\"device_name\":\"pi5-001\","
                + "\"tags\":[\"production\",\"kiosk\"]}", request.getBody().utf8());
        assertEquals(new AuthKey("12345", "my-auth-key", "pi5-001", List.of("production", "kiosk"), "rpoak_123456",
                Instant.parse("2025-01-01T00:00:30Z"), null, Instant.parse("2024-12-31T00:00:30Z")), key);
        assertFalse(key.toString().contains("rpoak_123456"));
    }

    @Test
    void optionalFieldsAreLeftOutOfTheBody() throws Exception {
        server.enqueue(json(201, ReferenceExamples.AUTH_KEY_CREATED));

        MockApi.client(server).createAuthKey(new NewAuthKey("only-a-description", null, null, null));

        assertEquals("{\"description\":\"only-a-description\",\"tags\":[]}", take(server).getBody().utf8());
    }

    @Test
    void listShowUpdateAndDeleteUseTheDocumentedRequests() throws Exception {
        server.enqueue(json(200, ReferenceExamples.AUTH_KEYS));
        server.enqueue(json(200, ReferenceExamples.AUTH_KEY));
        server.enqueue(json(200, ReferenceExamples.AUTH_KEY_UPDATED));
        server.enqueue(MockApi.noContent());
        ConnectClient client = MockApi.client(server);
        String id = "096ce472-2cbd-412a-8295-6c03a1a07ba4";

        Page<AuthKey> page = client.listAuthKeys(2, 50);
        AuthKey shown = client.getAuthKey(id);
        AuthKey updated = client.updateAuthKey(id, new AuthKeyUpdate("my-renamed-auth-key", "pi5-001",
                List.of("production", "kiosk")));
        client.deleteAuthKey(id);

        RecordedRequest list = take(server);
        assertEquals("GET /organisation/auth-keys?page=2&per_page=50", list.getMethod() + " " + list.getTarget());
        RecordedRequest show = take(server);
        assertEquals("GET /organisation/auth-keys/" + id, show.getMethod() + " " + show.getTarget());
        RecordedRequest update = take(server);
        assertEquals("PATCH /organisation/auth-keys/" + id, update.getMethod() + " " + update.getTarget());
        assertEquals("{\"description\":\"my-renamed-auth-key\",\"device_name\":\"pi5-001\",\"tags\":[\"production\","
                + "\"kiosk\"]}", update.getBody().utf8());
        RecordedRequest delete = take(server);
        assertEquals("DELETE /organisation/auth-keys/" + id, delete.getMethod() + " " + delete.getTarget());

        AuthKey listed = page.items().get(0);
        assertEquals(id, listed.id());
        assertNull(listed.secret());
        assertNull(listed.exchangedAt());
        assertEquals(Instant.parse("2026-02-26T16:09:52Z"), listed.expiresAt());
        assertEquals(listed, shown);
        assertEquals("my-renamed-auth-key", updated.description());
    }

    @Test
    void anUpdateSendsOnlyTheGivenFields() throws Exception {
        server.enqueue(json(200, ReferenceExamples.AUTH_KEY_UPDATED));

        MockApi.client(server).updateAuthKey("k1", new AuthKeyUpdate(null, null, List.of()));

        assertEquals("{\"tags\":[]}", take(server).getBody().utf8());
    }

    @Test
    void theServersBlankDescriptionRefusalCarriesItsMessage() {
        server.enqueue(json(422, ReferenceExamples.ERROR_DESCRIPTION_BLANK));

        UnprocessableException e = assertThrows(UnprocessableException.class,
                () -> MockApi.client(server).createAuthKey(new NewAuthKey("x", null, null, null)));

        assertEquals("Validation failed: Description can't be blank", e.serverMessage());
    }

    @Test
    void invalidInputNeverReachesTheNetwork() {
        ConnectClient client = MockApi.client(server);

        InvalidInputException blank = assertThrows(InvalidInputException.class,
                () -> client.createAuthKey(new NewAuthKey(" ", null, null, null)));
        assertTrue(blank.getMessage().contains("Description can't be blank"));
        assertThrows(InvalidInputException.class, () -> client.createAuthKey(new NewAuthKey("d", 91, null, null)));
        assertThrows(InvalidInputException.class, () -> client.createAuthKey(new NewAuthKey("d", 0, null, null)));
        assertThrows(InvalidInputException.class, () -> client.createAuthKey(new NewAuthKey("d", null, null,
                List.of("Kiosk"))));
        assertThrows(InvalidInputException.class, () -> client.createAuthKey(new NewAuthKey("d", null, null,
                List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"))));
        assertThrows(InvalidInputException.class, () -> client.updateAuthKey("k1", new AuthKeyUpdate(null, null, null)));
        assertThrows(InvalidInputException.class, () -> client.updateAuthKey("k1", new AuthKeyUpdate("", null, null)));

        assertEquals(0, server.getRequestCount());
    }
}
