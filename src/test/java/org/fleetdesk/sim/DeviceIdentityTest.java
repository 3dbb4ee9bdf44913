package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fleetdesk.api.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceIdentityTest {
    private static final String PATH = "/organisation/device-identities";
    private SimServer server;
    private SimHttp http;

    @BeforeEach
    void start() throws IOException {
        server = SimServer.start(SimConfig.builder().devices(5).seed(6).build());
        http = new SimHttp(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** What the client sends and what the device signs; each field can be made to differ to test the check. */
    private final class Registration {
        KeyPair deviceKeys = DeviceKeys.p256();
        KeyPair signingKeys;
        Map<String, Object> body = new LinkedHashMap<>();
        String accept;
        boolean signAccept = true;
        String signedAccept;
        String url = server.baseUrl() + PATH;
        String signedUrl;
        String signedBody;
        String signature;
        boolean sendSignature = true;

        Registration(String description) {
            body.put("public_key", DeviceKeys.pem(deviceKeys.getPublic()));
            body.put("description", description);
        }

        SimHttp.Reply send() {
            String json;
            try {
                json = Json.mapper().writeValueAsString(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            String authorization = "Bearer " + server.token();
            String payload = DeviceKeys.payload("POST", signedUrl != null ? signedUrl : url, authorization,
                    "application/json", signAccept ? (signedAccept != null ? signedAccept : accept) : null,
                    (signedBody != null ? signedBody : json).getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (accept != null) {
                request.header("Accept", accept);
            }
            if (sendSignature) {
                request.header("X-Connect-Identity-Signature", signature != null ? signature
                        : DeviceKeys.sign(signingKeys != null ? signingKeys : deviceKeys, payload));
            }
            return http.send(request);
        }
    }

    @Test
    void aCorrectlySignedRequestCreatesTheIdentity() {
        Registration registration = new Registration("my-device-identity");
        registration.body.put("device_name", "pi5-001");
        registration.body.put("tags", List.of("production", "kiosk"));
        SimHttp.Reply reply = registration.send();
        assertEquals(201, reply.status(), reply.body());
        JsonNode identity = reply.json();
        List<String> fields = new ArrayList<>();
        identity.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "description", "device_name", "tags", "created_at", "public_key"), fields);
        assertEquals("my-device-identity", identity.path("description").asText());
        assertEquals("pi5-001", identity.path("device_name").asText());
        assertEquals(List.of("production", "kiosk"), AuthKeyTest.texts(identity.path("tags")));
        assertEquals(registration.body.get("public_key"), identity.path("public_key").asText());
        assertEquals(1, server.organisation().identities().size());
    }

    @Test
    void acceptIsSignedOnlyWhenSent() {
        Registration withAccept = new Registration("with accept");
        withAccept.accept = "*/*";
        assertEquals(201, withAccept.send().status());

        Registration acceptNotSigned = new Registration("accept sent, not signed");
        acceptNotSigned.accept = "application/json";
        acceptNotSigned.signAccept = false;
        assertEquals(401, acceptNotSigned.send().status());

        Registration acceptNotSent = new Registration("accept signed, not sent");
        acceptNotSent.signedAccept = "*/*";
        assertEquals(401, acceptNotSent.send().status());
    }

    @Test
    void theUrlIsTheOneTheClientUsed() {
        Registration otherHost = new Registration("signed for localhost");
        otherHost.signedUrl = "http://localhost:" + server.port() + PATH;
        assertEquals(401, otherHost.send().status());

        Registration realService = new Registration("signed for the real service");
        realService.signedUrl = "https://api.connect.raspberrypi.com" + PATH;
        assertEquals(401, realService.send().status());

        Registration withQuery = new Registration("with a query string");
        withQuery.url = server.baseUrl() + PATH + "?source=test";
        assertEquals(201, withQuery.send().status());
    }

    @Test
    void aMissingOrWrongSignatureIs401() {
        Registration missing = new Registration("missing");
        missing.sendSignature = false;
        SimHttp.Reply reply = missing.send();
        assertEquals(401, reply.status());
        AuthAndErrorsTest.assertJsonError(reply);

        Registration otherKey = new Registration("signed by another device");
        otherKey.signingKeys = DeviceKeys.p256();
        assertEquals(401, otherKey.send().status());

        Registration otherBody = new Registration("signed over another body");
        otherBody.signedBody = "{}";
        assertEquals(401, otherBody.send().status());

        Registration garbage = new Registration("not base64");
        garbage.signature = "%%%not-base64%%%";
        assertEquals(401, garbage.send().status());

        Registration wrongLength = new Registration("truncated signature");
        wrongLength.signature = Base64.getEncoder().encodeToString(new byte[12]);
        assertEquals(401, wrongLength.send().status());
        assertTrue(server.organisation().identities().isEmpty());
    }

    @Test
    void anInvalidPublicKeyIs422() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        String p256 = DeviceKeys.pem(DeviceKeys.p256().getPublic());
        List<String> invalid = List.of("not a key", DeviceKeys.pem(DeviceKeys.generate("secp384r1").getPublic()),
                DeviceKeys.pem(rsa.generateKeyPair().getPublic()),
                p256.replace("PUBLIC KEY", "PRIVATE KEY"), p256.substring(0, 60) + "\n-----END PUBLIC KEY-----\n",
                "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n");
        for (String pem : invalid) {
            Registration registration = new Registration("bad key");
            registration.body.put("public_key", pem);
            SimHttp.Reply reply = registration.send();
            assertEquals(422, reply.status(), pem);
            assertEquals("{\"message\":\"Validation failed: Public key is invalid\"}", reply.body());
        }
    }

    @Test
    void aKeyCanBeRegisteredOnlyOnce() {
        Registration first = new Registration("first");
        assertEquals(201, first.send().status());
        Registration again = new Registration("again");
        again.deviceKeys = first.deviceKeys;
        String onOneLine = DeviceKeys.pem(first.deviceKeys.getPublic()).replace("\n", "")
                .replace("-----BEGIN PUBLIC KEY-----", "-----BEGIN PUBLIC KEY-----\n")
                .replace("-----END PUBLIC KEY-----", "\n-----END PUBLIC KEY-----");
        again.body.put("public_key", onOneLine);
        SimHttp.Reply reply = again.send();
        assertEquals(422, reply.status(), reply.body());
        assertTrue(reply.message().startsWith("Validation failed: Public key"), reply.message());
    }

    @Test
    void descriptionAndTagsAreValidated() {
        Registration blank = new Registration(" ");
        SimHttp.Reply reply = blank.send();
        assertEquals(422, reply.status());
        assertEquals("Validation failed: Description can't be blank", reply.message());
        Registration badTags = new Registration("bad tags");
        badTags.body.put("tags", List.of("Kiosk"));
        assertEquals(422, badTags.send().status());
    }

    @Test
    void listIsSortedByDescriptionAndShowFindsOne() {
        for (String description : List.of("charlie", "Alpha", "bravo")) {
            assertEquals(201, new Registration(description).send().status());
        }
        SimHttp.Reply list = http.get(PATH);
        assertEquals(List.of("Alpha", "bravo", "charlie"), list.texts("device_identities", "description"));
        PaginationTest.assertMeta(list.json(), 1, 100, 3, 1);
        String id = list.items("device_identities").get(1).path("id").asText();
        assertEquals("bravo", http.get(PATH + "/" + id).json().path("description").asText());
        assertEquals(404, http.get(PATH + "/unknown").status());
    }

    @Test
    void beforeExchangeEveryFieldCanChange() {
        String id = register("before");
        SimHttp.Reply reply = http.patch(PATH + "/" + id, Map.of("description", "renamed", "device_name", "pi5-009",
                "tags", List.of("staging")));
        assertEquals(200, reply.status(), reply.body());
        assertEquals("renamed", reply.json().path("description").asText());
        assertEquals("pi5-009", reply.json().path("device_name").asText());
        assertEquals(List.of("staging"), AuthKeyTest.texts(reply.json().path("tags")));
        SimHttp.Reply blank = http.patch(PATH + "/" + id, Map.of("description", ""));
        assertEquals("{\"message\":\"Validation failed: Description can't be blank\"}", blank.body());
        assertEquals(422, http.patch(PATH + "/" + id, Map.of("tags", List.of("NO"))).status());
        assertEquals(404, http.patch(PATH + "/unknown", Map.of("description", "x")).status());
    }

    @Test
    void afterExchangeOnlyTheDescriptionChanges() {
        Registration registration = new Registration("exchanged");
        registration.body.put("device_name", "pi5-001");
        registration.body.put("tags", List.of("production"));
        String id = registration.send().json().path("id").asText();
        exchange(registration.deviceKeys);
        SimHttp.Reply reply = http.patch(PATH + "/" + id, Map.of("description", "renamed", "device_name", "ignored",
                "tags", List.of("IGNORED even if invalid")));
        assertEquals(200, reply.status(), reply.body());
        assertEquals("renamed", reply.json().path("description").asText());
        assertEquals("pi5-001", reply.json().path("device_name").asText());
        assertEquals(List.of("production"), AuthKeyTest.texts(reply.json().path("tags")));
    }

    @Test
    void deletingAnIdentityDeletesTheDeviceItBecame() {
        String unused = register("unused");
        assertEquals(204, http.delete(PATH + "/" + unused).status());
        assertEquals(404, http.get(PATH + "/" + unused).status());
        assertEquals(404, http.delete(PATH + "/" + unused).status());

        Registration registration = new Registration("linked");
        String id = registration.send().json().path("id").asText();
        String deviceId = exchange(registration.deviceKeys).path("id").asText();
        int before = server.organisation().deviceCount();
        assertEquals(204, http.delete(PATH + "/" + id).status());
        assertTrue(server.organisation().device(deviceId).isEmpty());
        assertEquals(before - 1, server.organisation().deviceCount());
        assertEquals(404, http.delete("/organisation/devices/" + deviceId).status());
    }

    private String register(String description) {
        SimHttp.Reply reply = new Registration(description).send();
        assertEquals(201, reply.status(), reply.body());
        return reply.json().path("id").asText();
    }

    private JsonNode exchange(KeyPair keys) {
        SimHttp.Reply reply = http.post("/_sim/device-identities/exchange",
                Map.of("public_key", DeviceKeys.pem(keys.getPublic()), "hostname", "raspberrypi"));
        assertTrue(reply.status() == 201 || reply.status() == 200, reply.body());
        return reply.json();
    }
}
