package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fleetdesk.api.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code /_sim/} endpoints that stand in for devices and for the passing of time. */
class DeviceSideTest {
    private SimServer server;
    private SimHttp http;

    @BeforeEach
    void start() throws IOException {
        server = SimServer.start(SimConfig.builder().devices(10).seed(10).speed(0.0001).build());
        http = new SimHttp(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void exchangingAnAuthKeyLinksADeviceNamedAndTaggedByTheKey() {
        JsonNode key = http.post("/organisation/auth-keys", Map.of("description", "k", "device_name", "pi5-001",
                "tags", List.of("production", "kiosk"))).json();
        SimHttp.Reply reply = exchangeKey(key.path("secret").asText(), "raspberrypi");
        assertEquals(201, reply.status(), reply.body());
        JsonNode device = reply.json();
        assertEquals("pi5-001", device.path("name").asText());
        assertEquals(List.of("production", "kiosk"), AuthKeyTest.texts(device.path("tags")));
        assertTrue(device.path("serial_number").asText().matches("[0-9a-f]{16}"));
        assertFalse(device.path("board").isNull(), "a newly linked device runs a current client");
        assertTrue(http.get("/organisation/devices?query=pi5-001").texts("devices", "id").contains(device.path("id").asText()));
        JsonNode shown = http.get("/organisation/auth-keys/" + key.path("id").asText()).json();
        assertFalse(shown.path("exchanged_at").isNull());
        assertEquals(11, server.organisation().deviceCount());
    }

    @Test
    void withoutADeviceNameTheHostnameIsUsed() {
        String secret = http.post("/organisation/auth-keys", Map.of("description", "k")).json().path("secret").asText();
        SimHttp.Reply reply = exchangeKey(secret, "raspberrypi5");
        assertEquals("raspberrypi5", reply.json().path("name").asText());
        assertEquals(0, reply.json().path("tags").size());
    }

    @Test
    void anAuthKeyIsExchangedOnlyOnceAndOnlyBeforeItExpires() {
        String used = http.post("/organisation/auth-keys", Map.of("description", "k")).json().path("secret").asText();
        assertEquals(201, exchangeKey(used, "a").status());
        SimHttp.Reply twice = exchangeKey(used, "b");
        assertEquals(422, twice.status());
        AuthAndErrorsTest.assertJsonError(twice);

        String expiring = http.post("/organisation/auth-keys", Map.of("description", "k")).json().path("secret").asText();
        http.advance(86400);
        assertEquals(422, exchangeKey(expiring, "c").status());
        assertEquals(422, exchangeKey("rpoak_unknown", "d").status());

        JsonNode deleted = http.post("/organisation/auth-keys", Map.of("description", "k")).json();
        http.delete("/organisation/auth-keys/" + deleted.path("id").asText());
        assertEquals(422, exchangeKey(deleted.path("secret").asText(), "e").status());
        assertEquals(422, http.post("/_sim/auth-keys/exchange", Map.of("hostname", "x")).status());
        assertEquals(11, server.organisation().deviceCount());
    }

    @Test
    void exchangingAnIdentityCreatesItsDeviceOnceAndThenReturnsTheSame() throws IOException {
        KeyPair keys = DeviceKeys.p256();
        register(keys, Map.of("public_key", DeviceKeys.pem(keys.getPublic()), "description", "d",
                "device_name", "cm5-007", "tags", List.of("staging")));
        SimHttp.Reply first = exchangeIdentity(keys, "raspberrypi");
        assertEquals(201, first.status(), first.body());
        assertEquals("cm5-007", first.json().path("name").asText());
        assertEquals(List.of("staging"), AuthKeyTest.texts(first.json().path("tags")));
        SimHttp.Reply second = exchangeIdentity(keys, "other-hostname");
        assertEquals(200, second.status());
        assertEquals(first.json().path("id").asText(), second.json().path("id").asText());
        assertEquals(11, server.organisation().deviceCount());

        assertEquals(204, http.delete("/organisation/devices/" + first.json().path("id").asText()).status());
        SimHttp.Reply relinked = exchangeIdentity(keys, "raspberrypi");
        assertEquals(201, relinked.status(), "a deleted device links again as a new device");
        assertNotEquals(first.json().path("id").asText(), relinked.json().path("id").asText());
    }

    @Test
    void anIdentityWithoutDeviceNameTakesTheHostname() throws IOException {
        KeyPair keys = DeviceKeys.p256();
        register(keys, Map.of("public_key", DeviceKeys.pem(keys.getPublic()), "description", "d"));
        assertEquals("pi-host", exchangeIdentity(keys, "pi-host").json().path("name").asText());
    }

    @Test
    void anUnknownOrInvalidKeyCannotBeExchanged() {
        assertEquals(422, exchangeIdentity(DeviceKeys.p256(), "x").status());
        SimHttp.Reply invalid = http.post("/_sim/device-identities/exchange", Map.of("public_key", "nope", "hostname", "x"));
        assertEquals(422, invalid.status());
        assertEquals("Validation failed: Public key is invalid", invalid.message());
    }

    @Test
    void theClockMovesForwardOnly() {
        Instant before = Instant.parse(http.get("/_sim/clock").json().path("now").asText());
        SimHttp.Reply moved = http.post("/_sim/clock", Map.of("advance_seconds", 3600));
        assertEquals(200, moved.status());
        Instant after = Instant.parse(moved.json().path("now").asText());
        assertTrue(!after.isBefore(before.plus(Duration.ofHours(1))), before + " -> " + after);
        assertTrue(server.organisation().now().isAfter(before.plusSeconds(3599)));
        assertEquals(400, http.post("/_sim/clock", Map.of("advance_seconds", -1)).status());
        assertEquals(400, http.post("/_sim/clock", Map.of("advance_seconds", "soon")).status());
        assertEquals(400, http.post("/_sim/clock", Map.of()).status());
        assertEquals(200, http.postForm("/_sim/clock", "advance_seconds=0.5").status());
    }

    @Test
    void billingCanBeReadAndSwitched() {
        assertFalse(http.get("/_sim/billing").json().path("trial_ended").asBoolean());
        assertTrue(http.post("/_sim/billing", Map.of("trial_ended", true)).json().path("trial_ended").asBoolean());
        assertTrue(server.organisation().trialEnded());
        assertEquals(400, http.post("/_sim/billing", Map.of("trial_ended", "perhaps")).status());
    }

    private SimHttp.Reply exchangeKey(String secret, String hostname) {
        return http.post("/_sim/auth-keys/exchange", Map.of("secret", secret, "hostname", hostname));
    }

    private SimHttp.Reply exchangeIdentity(KeyPair keys, String hostname) {
        return http.post("/_sim/device-identities/exchange", Map.of("public_key", DeviceKeys.pem(keys.getPublic()),
                "hostname", hostname));
    }

    private void register(KeyPair keys, Map<String, Object> body) throws IOException {
        String json = Json.mapper().writeValueAsString(body);
        String url = server.baseUrl() + "/organisation/device-identities";
        String authorization = "Bearer " + server.token();
        String signature = DeviceKeys.sign(keys, DeviceKeys.payload("POST", url, authorization, "application/json",
                null, json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        SimHttp.Reply reply = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Content-Type", "application/json").header("X-Connect-Identity-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(201, reply.status(), reply.body());
    }
}
