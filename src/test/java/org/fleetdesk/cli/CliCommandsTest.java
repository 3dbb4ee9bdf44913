package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.fleetdesk.api.Json;
import org.fleetdesk.api.ReferenceExamples;
import org.fleetdesk.api.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliCommandsTest {
    private static final String DEVICE = "69739b44-ebb2-468e-9e24-08126dec4925";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private RecordedRequest take() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    private CliRun cli() {
        return CliRun.against(server);
    }

    @Test
    void devicesListAsJsonIsAnArrayOfTheApisObjects() throws Exception {
        server.enqueue(json(200, ReferenceExamples.DEVICES));

        CliRun.Result result = cli().run("devices", "list", "--query", "model:3b+ tag:kiosk", "--format", "json");

        assertEquals(0, result.exitCode(), result.err());
        JsonNode printed = Json.mapper().readTree(result.out());
        JsonNode expected = Json.mapper().readTree(ReferenceExamples.DEVICES).get("devices");
        assertEquals(expected, printed);
        assertEquals("/organisation/devices?page=1&per_page=100&query=model%3A3b%2B%20tag%3Akiosk", take().getTarget());
    }

    @Test
    void devicesListFetchesEveryPageByDefaultAndOnePageOnRequest() throws Exception {
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String page = request.getUrl().queryParameter("page");
                return json(200, "{\"devices\":[{\"id\":\"d" + page + "\",\"name\":\"pi-" + page + "\"}],"
                        + "\"meta\":{\"page\":" + page + ",\"per_page\":1,\"total_count\":3,\"total_pages\":3}}");
            }
        });

        CliRun.Result all = cli().run("devices", "list", "--per-page", "1");
        CliRun.Result one = cli().run("devices", "list", "--page", "2", "--per-page", "1", "--format", "json");

        assertEquals(0, all.exitCode(), all.err());
        assertEquals(4, all.out().lines().count(), all.out());
        assertTrue(all.out().lines().findFirst().orElseThrow().matches("ID +NAME +SERIAL +MODEL +MEMORY +OS +TAGS"));
        assertTrue(all.out().contains("d3  pi-3"), all.out());
        assertEquals(1, Json.mapper().readTree(one.out()).size());
        assertEquals("d2", Json.mapper().readTree(one.out()).get(0).get("id").asText());
        assertTrue(one.err().contains("Page 2 of 3 (3 in total)"), one.err());
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void anEmptyListSaysSo() {
        server.enqueue(json(200, "{\"artefacts\":[],\"meta\":{\"page\":1,\"per_page\":100,\"total_count\":0,\"total_pages\":0}}"));

        CliRun.Result result = cli().run("artefacts", "list", "--name", "kiosk");

        assertEquals("No artefacts.", result.out().strip());
    }

    @Test
    void authKeyCreatePrintsTheSecretWhichListsNeverCarry() throws Exception {
        String noKeys = "{\"auth_keys\":[],\"meta\":{\"page\":1,\"per_page\":100,\"total_count\":0,\"total_pages\":1}}";
        server.enqueue(json(200, noKeys));
        server.enqueue(json(201, ReferenceExamples.AUTH_KEY_CREATED));
        server.enqueue(json(200, noKeys));
        server.enqueue(json(201, ReferenceExamples.AUTH_KEY_CREATED));
        server.enqueue(json(200, ReferenceExamples.AUTH_KEYS));

        CliRun.Result created = cli().run("auth-keys", "create", "--description", "my-auth-key", "--ttl-days", "1",
                "--device-name", "pi5-001", "--tag", "production", "--tag", "kiosk", "--format", "json");
        CliRun.Result table = cli().run("auth-keys", "create", "--description", "my-auth-key");
        CliRun.Result listed = cli().run("auth-keys", "list", "--format", "json");

        assertEquals("rpoak_123456", Json.mapper().readTree(created.out()).get("secret").asText());
        assertEquals("/organisation/auth-keys?page=1&per_page=100", take().getTarget(),
                "the existing keys are listed first, so that a lost answer can be reconciled");
        assertEquals("{\"description\":\"my-auth-key\",\"ttl_days\":1,\"device_name\":\"pi5-001\","
                + "\"tags\":[\"production\",\"kiosk\"]}", take().getBody().utf8());
        assertTrue(table.out().contains("Secret:       rpoak_123456"), table.out());
        assertTrue(table.err().contains("shown only once"), table.err());
        JsonNode key = Json.mapper().readTree(listed.out()).get(0);
        assertFalse(key.has("secret"));
        assertTrue(key.get("exchanged_at").isNull());
        assertEquals("2026-02-26T16:09:52Z", key.get("expires_at").asText());
    }

    @Test
    void authKeyUpdateSendsOnlyWhatWasGivenAndNoTagsClearsThem() throws Exception {
        server.enqueue(json(200, ReferenceExamples.AUTH_KEY_UPDATED));

        CliRun.Result result = cli().run("auth-keys", "update", "k1", "--no-tags", "--description", "renamed");

        assertEquals(0, result.exitCode(), result.err());
        RecordedRequest request = take();
        assertEquals("PATCH /organisation/auth-keys/k1", request.getMethod() + " " + request.getTarget());
        assertEquals("{\"description\":\"renamed\",\"tags\":[]}", request.getBody().utf8());
    }

    @Test
    void destructiveCommandsAskFirst() throws Exception {
        server.enqueue(json(200, ReferenceExamples.DEPLOYMENT_CANCELLED));
        server.enqueue(new MockResponse.Builder().code(204).build());

        CliRun.Result declined = cli().answering("n\n").run("deployments", "cancel", "dep1");
        CliRun.Result noAnswer = cli().run("devices", "delete", DEVICE);
        CliRun.Result accepted = cli().answering("yes\n").run("deployments", "cancel", "dep1", "--format", "json");
        CliRun.Result forced = cli().run("artefacts", "delete", "a1", "--yes");

        assertEquals(2, declined.exitCode());
        assertTrue(declined.err().contains("Cancel deployment dep1? [y/N]"), declined.err());
        assertEquals(2, noAnswer.exitCode());
        assertTrue(noAnswer.err().contains("pass --yes"), noAnswer.err());
        assertEquals(0, accepted.exitCode(), accepted.err());
        assertEquals("cancelled", Json.mapper().readTree(accepted.out()).get("state").asText());
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals("PUT /organisation/deployments/dep1/cancel", describe(take()));
        assertEquals("DELETE /organisation/artefacts/a1", describe(take()));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void deletingSeveralReportsEachRefusalAndCarriesOn() throws Exception {
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(json(404, "{\"message\":\"Not found\"}"));
        server.enqueue(new MockResponse.Builder().code(204).build());

        CliRun.Result result = cli().run("auth-keys", "delete", "k1", "k2", "k3", "--yes");

        assertEquals(4, result.exitCode());
        assertTrue(result.out().contains("Deleted auth key k1.") && result.out().contains("Deleted auth key k3."));
        assertTrue(result.err().contains("Could not delete auth key k2:"), result.err());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void deploymentsListFiltersByStateAsTheApiSpellsIt() throws Exception {
        server.enqueue(json(200, ReferenceExamples.DEPLOYMENTS));

        CliRun.Result result = cli().run("deployments", "list", "--device", DEVICE, "--state", "IN_PROGRESS");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("GET /organisation/devices/" + DEVICE + "/deployments?page=1&per_page=100&state=in_progress",
                describe(take()));
        assertTrue(result.out().contains("failed  Checksum mismatch"), result.out());
    }

    @Test
    void artefactCreateStreamsTheFilesChecksum() throws Exception {
        byte[] image = "pretend this is an OS image".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("kiosk.tar.zst"), image);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
        server.enqueue(json(201, ReferenceExamples.ARTEFACT_CREATED));

        CliRun.Result result = cli().run("artefacts", "create", "--name", "kiosk-v1.0", "--uri",
                "https://example.com/kiosk-v1.0.tar.zst", "--file", file.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("{\"name\":\"kiosk-v1.0\",\"uri\":\"https://example.com/kiosk-v1.0.tar.zst\",\"checksum\":\""
                + sha256 + "\"}", take().getBody().utf8());
        assertTrue(result.out().contains("Name:      kiosk-v1.0"), result.out());
    }

    @Test
    void theDigestIsExactlyWhatRegisterSendsSoADeviceSignatureIsAccepted() throws Exception {
        KeyPair device = TestKeys.p256();
        Path publicKey = Files.writeString(dir.resolve("pi5-001.pub"), TestKeys.pem(device.getPublic()));
        String[] options = {"--public-key", publicKey.toString(), "--description", "pi5-001", "--device-name", "pi5-001",
                "--tag", "kiosk"};
        server.enqueue(json(201, ReferenceExamples.IDENTITY_CREATED));

        CliRun.Result digest = cli().run(concat(new String[] {"identities", "payload-digest"}, options));
        Signature signer = Signature.getInstance("NONEwithECDSA");
        signer.initSign(device.getPrivate());
        signer.update(HexFormat.of().parseHex(digest.out().strip()));
        String signature = Base64.getEncoder().encodeToString(signer.sign());
        CliRun.Result registered = cli().run(concat(new String[] {"identities", "register", "--signature", signature,
                "--format", "json"}, options));

        assertEquals(0, digest.exitCode(), digest.err());
        assertTrue(digest.out().strip().matches("[0-9a-f]{64}"), digest.out());
        assertEquals(0, registered.exitCode(), registered.err());
        assertEquals(signature, take().getHeaders().get("X-Connect-Identity-Signature"));
        assertEquals("096ce472-2cbd-412a-8295-6c03a1a07ba4", Json.mapper().readTree(registered.out()).get("id").asText());
    }

    @Test
    void registerSignsWithALocalPrivateKey() throws Exception {
        KeyPair device = TestKeys.p256();
        Path publicKey = Files.writeString(dir.resolve("pi.pub"), TestKeys.pem(device.getPublic()));
        Path privateKey = Files.writeString(dir.resolve("pi.pem"), TestKeys.pem(device));
        server.enqueue(json(201, ReferenceExamples.IDENTITY_CREATED));

        CliRun.Result result = cli().run("identities", "register", "--public-key", publicKey.toString(), "--description",
                "pi", "--private-key", privateKey.toString());

        assertEquals(0, result.exitCode(), result.err());
        RecordedRequest request = take();
        assertTrue(request.getHeaders().get("X-Connect-Identity-Signature").length() > 80);
        assertTrue(result.out().contains("Public key:   -----BEGIN PUBLIC KEY-----..."), result.out());
    }

    @Test
    void aSignatureForOtherOptionsIsRefusedBeforeSending() throws Exception {
        KeyPair device = TestKeys.p256();
        Path publicKey = Files.writeString(dir.resolve("pi.pub"), TestKeys.pem(device.getPublic()));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(device.getPrivate());
        signer.update("something else".getBytes(StandardCharsets.UTF_8));

        CliRun.Result result = cli().run("identities", "register", "--public-key", publicKey.toString(), "--description",
                "pi", "--signature", Base64.getEncoder().encodeToString(signer.sign()));

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("does not verify"), result.err());
        assertEquals(0, server.getRequestCount());
    }

    private static String describe(RecordedRequest request) {
        return request.getMethod() + " " + request.getTarget();
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
