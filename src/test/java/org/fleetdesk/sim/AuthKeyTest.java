package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthKeyTest {
    private SimServer server;
    private SimHttp http;

    @BeforeEach
    void start() throws IOException {
        server = SimServer.start(SimConfig.builder().devices(5).seed(5).build());
        http = new SimHttp(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void createFromJsonReturnsTheKeyWithItsSecretOnce() {
        SimHttp.Reply reply = http.post("/organisation/auth-keys", Map.of("description", "my-auth-key",
                "device_name", "pi5-001", "tags", List.of("production", "kiosk")));
        assertEquals(201, reply.status(), reply.body());
        assertEquals("application/json; charset=utf-8", reply.contentType());
        JsonNode key = reply.json();
        List<String> fields = new ArrayList<>();
        key.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "description", "device_name", "tags", "secret", "expires_at", "exchanged_at",
                "created_at"), fields);
        assertEquals("my-auth-key", key.path("description").asText());
        assertEquals("pi5-001", key.path("device_name").asText());
        assertEquals(List.of("production", "kiosk"), texts(key.path("tags")));
        assertTrue(key.path("secret").asText().matches("rpoak_[A-Za-z0-9]{32,}"), "secret format");
        assertTrue(key.path("exchanged_at").isNull());
        Instant created = Instant.parse(key.path("created_at").asText());
        assertEquals(created.plus(Duration.ofDays(1)), Instant.parse(key.path("expires_at").asText()), "ttl defaults to 1 day");
        String id = key.path("id").asText();
        assertFalse(http.get("/organisation/auth-keys/" + id).json().has("secret"));
        assertFalse(http.get("/organisation/auth-keys").items("auth_keys").get(0).has("secret"));
        assertEquals(key.path("secret").asText(), server.organisation().authKeys().get(0).secret());
    }

    @Test
    void createFromAFormWithRepeatedTags() {
        SimHttp.Reply reply = http.postForm("/organisation/auth-keys",
                "description=my-auth-key&ttl_days=7&device_name=pi5-001&tags%5B%5D=production&tags[]=kiosk");
        assertEquals(201, reply.status(), reply.body());
        JsonNode key = reply.json();
        assertEquals(List.of("production", "kiosk"), texts(key.path("tags")));
        assertEquals(Duration.ofDays(7), Duration.between(Instant.parse(key.path("created_at").asText()),
                Instant.parse(key.path("expires_at").asText())));
        SimHttp.Reply plain = http.send(http.request("/organisation/auth-keys")
                .POST(HttpRequest.BodyPublishers.ofString("description=curl+default")));
        assertEquals(201, plain.status(), "a body without Content-Type is read as a form, as curl --data sends it");
        assertEquals("curl default", plain.json().path("description").asText());
        SimHttp.Reply noTags = http.postForm("/organisation/auth-keys", "description=x&tags[]=");
        assertEquals(List.of(), texts(noTags.json().path("tags")));
    }

    @Test
    void descriptionIsRequired() {
        for (SimHttp.Reply reply : List.of(http.post("/organisation/auth-keys", Map.of()),
                http.post("/organisation/auth-keys", Map.of("description", "  ")),
                http.postForm("/organisation/auth-keys", "description="))) {
            assertEquals(422, reply.status());
            assertEquals("Validation failed: Description can't be blank", reply.message());
        }
        assertTrue(server.organisation().authKeys().isEmpty());
    }

    @Test
    void ttlIsBetweenOneAndNinetyDays() {
        for (Object ttl : List.of(0, 91, -1, "abc", 1.5, "")) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("description", "x"));
            body.put("ttl_days", ttl);
            SimHttp.Reply reply = http.post("/organisation/auth-keys", body);
            if ("".equals(ttl)) {
                assertEquals(201, reply.status(), "an empty ttl is the default");
                continue;
            }
            assertEquals(422, reply.status(), "ttl " + ttl);
            assertTrue(reply.message().startsWith("Validation failed: Ttl days"), reply.message());
        }
        assertEquals(201, http.post("/organisation/auth-keys", Map.of("description", "x", "ttl_days", 90)).status());
        assertEquals(201, http.post("/organisation/auth-keys", Map.of("description", "x", "ttl_days", "1")).status());
        assertEquals(422, http.postForm("/organisation/auth-keys", "description=x&ttl_days=91").status());
    }

    @Test
    void tagsFollowTheDocumentedRules() {
        List<List<String>> refused = List.of(List.of("Production"), List.of("has space"), List.of("a".repeat(31)),
                List.of("dot.ted"), List.of(""), IntStream.range(0, 11).mapToObj(i -> "t" + i).toList());
        for (List<String> tags : refused) {
            SimHttp.Reply reply = http.post("/organisation/auth-keys", Map.of("description", "x", "tags", tags));
            assertEquals(422, reply.status(), tags.toString());
            assertTrue(reply.message().startsWith("Validation failed: Tags"), reply.message());
        }
        List<String> accepted = List.of("a".repeat(30), "under_score", "hy-phen", "0digits9");
        assertEquals(201, http.post("/organisation/auth-keys", Map.of("description", "x", "tags", accepted)).status());
        List<String> ten = IntStream.range(0, 10).mapToObj(i -> "t" + i).toList();
        assertEquals(201, http.post("/organisation/auth-keys", Map.of("description", "x", "tags", ten)).status());
    }

    @Test
    void listIsUsableThenExpiredThenExchangedMostRecentFirst() {
        String expiredOld = create("expired-old", 1);
        String expiredNew = create("expired-new", 1);
        http.advance(2 * 86400);
        String exchangedOld = create("exchanged-old", 5);
        String exchangedNew = create("exchanged-new", 5);
        String usableOld = create("usable-old", 5);
        String usableNew = create("usable-new", 5);
        exchange(exchangedOld);
        exchange(exchangedNew);
        List<String> listed = http.get("/organisation/auth-keys").texts("auth_keys", "id");
        assertEquals(List.of(usableNew, usableOld, expiredNew, expiredOld, exchangedNew, exchangedOld), listed);
        assertEquals(listed, server.organisation().authKeys().stream().map(k -> k.id()).toList());
    }

    @Test
    void showsOneKeyOr404() {
        String id = create("shown", 3);
        SimHttp.Reply reply = http.get("/organisation/auth-keys/" + id);
        assertEquals(200, reply.status());
        assertEquals("shown", reply.json().path("description").asText());
        assertEquals(404, http.get("/organisation/auth-keys/unknown").status());
    }

    @Test
    void updateChangesOnlyTheGivenFields() {
        SimHttp.Reply created = http.post("/organisation/auth-keys", Map.of("description", "before",
                "device_name", "pi5-001", "tags", List.of("production")));
        String id = created.json().path("id").asText();
        SimHttp.Reply renamed = http.patch("/organisation/auth-keys/" + id, Map.of("description", "after"));
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("after", renamed.json().path("description").asText());
        assertEquals("pi5-001", renamed.json().path("device_name").asText());
        assertEquals(List.of("production"), texts(renamed.json().path("tags")));
        assertFalse(renamed.json().has("secret"));
        SimHttp.Reply retagged = http.patch("/organisation/auth-keys/" + id,
                Map.of("device_name", "pi5-002", "tags", List.of("staging", "kiosk")));
        assertEquals("pi5-002", retagged.json().path("device_name").asText());
        assertEquals(List.of("staging", "kiosk"), texts(retagged.json().path("tags")));
        SimHttp.Reply form = http.send(http.request("/organisation/auth-keys/" + id)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("device_name=&tags[]=")));
        assertTrue(form.json().path("device_name").isNull(), "an empty device name clears it");
        assertEquals(List.of(), texts(form.json().path("tags")));
        assertEquals(422, http.patch("/organisation/auth-keys/" + id, Map.of("description", "")).status());
        assertEquals(422, http.patch("/organisation/auth-keys/" + id, Map.of("tags", List.of("UPPER"))).status());
        assertEquals(404, http.patch("/organisation/auth-keys/unknown", Map.of("description", "x")).status());
    }

    @Test
    void updateIsRefusedOnceExpiredOrExchanged() {
        String expiring = create("expiring", 1);
        String exchanged = create("exchanged", 5);
        exchange(exchanged);
        SimHttp.Reply refused = http.patch("/organisation/auth-keys/" + exchanged, Map.of("description", "x"));
        assertEquals(422, refused.status());
        AuthAndErrorsTest.assertJsonError(refused);
        assertEquals(200, http.patch("/organisation/auth-keys/" + expiring, Map.of("description", "still usable")).status());
        http.advance(86400);
        assertEquals(422, http.patch("/organisation/auth-keys/" + expiring, Map.of("description", "x")).status());
    }

    @Test
    void anyKeyCanBeDeletedAndAnExchangedKeysDeviceStays() {
        String usable = create("usable", 5);
        String expired = create("expired", 1);
        String exchanged = create("exchanged", 5);
        String deviceId = exchange(exchanged);
        http.advance(2 * 86400);
        for (String id : List.of(usable, expired, exchanged)) {
            SimHttp.Reply reply = http.delete("/organisation/auth-keys/" + id);
            assertEquals(204, reply.status());
            assertEquals("", reply.body());
            assertEquals(404, http.get("/organisation/auth-keys/" + id).status());
            assertEquals(404, http.delete("/organisation/auth-keys/" + id).status());
        }
        assertTrue(server.organisation().device(deviceId).isPresent());
        assertTrue(server.organisation().authKeys().isEmpty());
    }

    @Test
    void secretsAreUnique() {
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            secrets.add(http.post("/organisation/auth-keys", Map.of("description", "k" + i)).json().path("secret").asText());
        }
        assertEquals(50, secrets.stream().distinct().count());
        assertTrue(secrets.stream().allMatch(s -> s.matches("rpoak_[A-Za-z0-9]{40}")));
    }

    private String create(String description, int ttlDays) {
        SimHttp.Reply reply = http.post("/organisation/auth-keys", Map.of("description", description, "ttl_days", ttlDays));
        assertEquals(201, reply.status(), reply.body());
        return reply.json().path("id").asText();
    }

    /** Exchanges a key by id (the secret comes from the organisation); returns the new device's id. */
    private String exchange(String keyId) {
        String secret = server.organisation().authKeys().stream().filter(k -> k.id().equals(keyId)).findFirst()
                .orElseThrow().secret();
        SimHttp.Reply reply = http.post("/_sim/auth-keys/exchange", Map.of("secret", secret, "hostname", "raspberrypi"));
        assertEquals(201, reply.status(), reply.body());
        return reply.json().path("id").asText();
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
