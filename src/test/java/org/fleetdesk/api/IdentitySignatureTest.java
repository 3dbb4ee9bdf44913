package org.fleetdesk.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.fleetdesk.api.MockApi.json;
import static org.fleetdesk.api.MockApi.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class IdentitySignatureTest {
    private static final KeyPair DEVICE = TestKeys.p256();

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void payloadHasTheReferenceShapeWithoutATrailingNewline() {
        IdentitySignaturePayload payload = IdentitySignaturePayload.builder()
                .method("post")
                .url("https://api.connect.raspberrypi.com/organisation/device-identities")
                .authorization("Bearer rporg_accesstokenhere")
                .contentType("application/json")
                .accept("*/*")
                .body("{}".getBytes(UTF_8))
                .build();

        assertEquals("POST\n"
                + "https://api.connect.raspberrypi.com/organisation/device-identities\n"
                + "Authorization: Bearer rporg_accesstokenhere\n"
                + "Content-Type: application/json\n"
                + "Accept: */*\n"
                + "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", payload.text());
        assertFalse(payload.toString().contains("rporg_accesstokenhere"));
    }

    @Test
    void theAcceptLineIsLeftOutWhenTheRequestSendsNoAccept() {
        IdentitySignaturePayload payload = IdentitySignaturePayload.builder().method("POST").url("https://h/x")
                .authorization("Bearer t").contentType("application/json").body(new byte[0]).build();

        assertEquals("POST\nhttps://h/x\nAuthorization: Bearer t\nContent-Type: application/json\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", payload.text());
    }

    @Test
    void aLocallySignedRequestVerifiesOverThePayloadRebuiltFromWhatTheServerReceived() throws Exception {
        server.enqueue(json(201, ReferenceExamples.IDENTITY_CREATED));
        ConnectClient client = MockApi.client(server);
        IdentityRequest request = client.prepareDeviceIdentity(identity("my-device-identity"));

        DeviceIdentity created = client.createDeviceIdentity(request, LocalKeySigner.fromPem(TestKeys.pem(DEVICE)).sign(request));

        RecordedRequest received = take(server);
        assertTrue(verifies(DEVICE.getPublic(), received), "signature must verify over the received request");
        assertEquals("application/json", received.getHeaders().get("Content-Type"));
        String sentKey = Json.mapper().readTree(received.getBody().toByteArray()).get("public_key").asText();
        assertEquals(TestKeys.pem(DEVICE.getPublic()).replace("\r\n", "\n"), sentKey);
        assertTrue(sentKey.endsWith("-----END PUBLIC KEY-----\n"), "PEM sent newline-terminated");
        assertEquals("/organisation/device-identities", received.getTarget());
        assertEquals("096ce472-2cbd-412a-8295-6c03a1a07ba4", created.id());
        assertEquals(List.of("production", "kiosk"), created.tags());
    }

    @Test
    void aDeviceCanSignTheDigestAloneAndTheClientSendsThatSignature() throws Exception {
        server.enqueue(json(201, ReferenceExamples.IDENTITY_CREATED));
        ConnectClient client = MockApi.client(server);
        IdentityRequest request = client.prepareDeviceIdentity(identity("signed-on-device"));

        Signature device = Signature.getInstance("NONEwithECDSA");
        device.initSign(DEVICE.getPrivate());
        device.update(HexFormat.of().parseHex(request.payloadSha256Hex()));
        String signature = Base64.getEncoder().encodeToString(device.sign());
        client.createDeviceIdentity(request, signature + "\n");

        RecordedRequest received = take(server);
        assertEquals(signature, received.getHeaders().get(ConnectClient.SIGNATURE_HEADER));
        assertTrue(verifies(DEVICE.getPublic(), received));
    }

    @Test
    void theSameOptionsAlwaysGiveTheSameDigest() {
        ConnectClient client = MockApi.client(server);
        String pem = TestKeys.pem(DEVICE.getPublic());

        String first = client.prepareDeviceIdentity(identity("d")).payloadSha256Hex();
        String again = client.prepareDeviceIdentity(identity("d")).payloadSha256Hex();
        String windowsLineEndings = client.prepareDeviceIdentity(new NewDeviceIdentity(pem.replace("\n", "\r\n"), "d",
                "pi5-001", List.of("production", "kiosk"))).payloadSha256Hex();
        String surroundingText = client.prepareDeviceIdentity(new NewDeviceIdentity("device 7 key:\n" + pem + "\n\n", "d",
                "pi5-001", List.of("production", "kiosk"))).payloadSha256Hex();
        String otherDescription = client.prepareDeviceIdentity(identity("e")).payloadSha256Hex();
        String otherToken = ConnectClient.builder().baseUrl(server.url("/").toString()).token("rporg_other").build()
                .prepareDeviceIdentity(identity("d")).payloadSha256Hex();

        assertEquals(first, again);
        assertEquals(first, windowsLineEndings);
        assertEquals(first, surroundingText);
        assertNotEquals(first, otherDescription);
        assertNotEquals(first, otherToken);
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aSignatureThatDoesNotMatchTheRequestIsRefusedBeforeSending() {
        ConnectClient client = MockApi.client(server);
        IdentityRequest signed = client.prepareDeviceIdentity(identity("one"));
        IdentityRequest other = client.prepareDeviceIdentity(identity("other"));
        String signature = LocalKeySigner.fromPem(TestKeys.pem(DEVICE)).sign(signed);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> client.createDeviceIdentity(other, signature));

        assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void malformedSignaturesAreExplained() {
        ConnectClient client = MockApi.client(server);
        IdentityRequest request = client.prepareDeviceIdentity(identity("d"));

        assertMessage("not valid Base64", () -> client.createDeviceIdentity(request, "not base64!"));
        assertMessage("raw r||s", () -> client.createDeviceIdentity(request,
                Base64.getEncoder().encodeToString(new byte[64])));
        assertMessage("not a DER-encoded ECDSA signature", () -> client.createDeviceIdentity(request,
                Base64.getEncoder().encodeToString("hello".getBytes(UTF_8))));
        assertMessage("empty", () -> client.createDeviceIdentity(request, " "));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void keyMistakesAreExplained() throws Exception {
        ConnectClient client = MockApi.client(server);
        IdentityRequest request = client.prepareDeviceIdentity(identity("d"));

        assertMessage("public key, not a private key", () -> LocalKeySigner.fromPem(TestKeys.pem(DEVICE.getPublic())));
        assertMessage("secp384r1", () -> LocalKeySigner.fromPem(TestKeys.pem(TestKeys.ec("secp384r1"))));
        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        assertMessage("not an EC key", () -> LocalKeySigner.fromPem(TestKeys.pkcs8(rsa.generateKeyPair())));
        assertMessage("does not belong", () -> LocalKeySigner.fromPem(TestKeys.pem(TestKeys.p256())).sign(request));
        assertMessage("private key, not a public key", () -> client.prepareDeviceIdentity(
                new NewDeviceIdentity(TestKeys.pem(DEVICE), "d", null, null)));
        assertMessage("No PEM public key", () -> client.prepareDeviceIdentity(
                new NewDeviceIdentity("hello", "d", null, null)));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aPkcs8PrivateKeySignsToo() throws Exception {
        server.enqueue(json(201, ReferenceExamples.IDENTITY_CREATED));
        ConnectClient client = MockApi.client(server);
        IdentityRequest request = client.prepareDeviceIdentity(identity("pkcs8"));

        client.createDeviceIdentity(request, LocalKeySigner.fromPem(TestKeys.pkcs8(DEVICE)).sign(request));

        assertTrue(verifies(DEVICE.getPublic(), take(server)));
    }

    @Test
    void aRequestPreparedForAnotherConnectionIsRefused() {
        IdentityRequest request = ConnectClient.builder().baseUrl(server.url("/").toString()).token("rporg_other").build()
                .prepareDeviceIdentity(identity("d"));
        String signature = LocalKeySigner.fromPem(TestKeys.pem(DEVICE)).sign(request);

        assertMessage("another API URL or token", () -> MockApi.client(server).createDeviceIdentity(request, signature));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void theServersInvalidKeyRefusalCarriesItsMessageAndIsNotRetried() {
        server.enqueue(json(422, ReferenceExamples.ERROR_PUBLIC_KEY_INVALID));
        ConnectClient client = MockApi.client(server);
        IdentityRequest request = client.prepareDeviceIdentity(identity("d"));

        UnprocessableException e = assertThrows(UnprocessableException.class,
                () -> client.createDeviceIdentity(request, LocalKeySigner.fromPem(TestKeys.pem(DEVICE)).sign(request)));

        assertEquals("Validation failed: Public key is invalid", e.serverMessage());
        assertEquals(1, server.getRequestCount());
    }

    private static NewDeviceIdentity identity(String description) {
        return new NewDeviceIdentity(TestKeys.pem(DEVICE.getPublic()), description, "pi5-001",
                List.of("production", "kiosk"));
    }

    /** Rebuilds the payload from the raw request as received, independently of the production code, and verifies. */
    private static boolean verifies(PublicKey key, RecordedRequest received) throws Exception {
        Headers headers = received.getHeaders();
        StringBuilder payload = new StringBuilder()
                .append(received.getMethod()).append('\n')
                .append("http://").append(headers.get("Host")).append(received.getTarget()).append('\n')
                .append("Authorization: ").append(headers.get("Authorization")).append('\n')
                .append("Content-Type: ").append(headers.get("Content-Type")).append('\n');
        if (headers.get("Accept") != null) {
            payload.append("Accept: ").append(headers.get("Accept")).append('\n');
        }
        byte[] bodyDigest = MessageDigest.getInstance("SHA-256").digest(received.getBody().toByteArray());
        payload.append(HexFormat.of().formatHex(bodyDigest));

        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(payload.toString().getBytes(UTF_8));
        return verifier.verify(Base64.getDecoder().decode(headers.get(ConnectClient.SIGNATURE_HEADER)));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        InvalidInputException e = assertThrows(InvalidInputException.class, action);
        assertTrue(e.getMessage().contains(expected), "expected \"" + expected + "\" in: " + e.getMessage());
    }
}
