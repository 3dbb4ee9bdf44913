package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.IdentityRequest;
import org.fleetdesk.api.Json;
import org.fleetdesk.api.LocalKeySigner;
import org.fleetdesk.api.NewDeviceIdentity;
import org.fleetdesk.api.TestKeys;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisioningCliTest {
    @TempDir
    Path dir;

    private SimServer server;
    private SimCli cli;

    @BeforeEach
    void start() throws Exception {
        server = SimServer.start(SimConfig.builder().devices(0).seed(11).build());
        cli = new SimCli(server, dir.resolve("home"));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void bulkCreateWritesOneOwnerOnlyKeyFilePerNameAndNeverOverwrites() throws Exception {
        Path keys = dir.resolve("keys");
        CliRun.Result result = cli.run("auth-keys", "create", "--names", "pi5-{001..020}", "--tag", "production",
                "--ttl-days", "2", "--out-dir", keys.toString());

        assertEquals(0, result.exitCode(), result.err());
        Map<String, AuthKey> onServer = server.organisation().authKeys().stream()
                .collect(Collectors.toMap(AuthKey::description, k -> k));
        assertEquals(20, onServer.size());
        for (AuthKey key : onServer.values()) {
            Path file = keys.resolve(key.description() + ".key");
            assertEquals(key.secret() + "\n", Files.readString(file));
            assertEquals(List.of("production"), key.tags());
            assertEquals(key.description(), key.deviceName());
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
            assertFalse(result.out().contains(key.secret()) || result.err().contains(key.secret()),
                    "secrets go to the files only");
        }
        assertTrue(result.out().startsWith("NAME     RESULT     FILE"), result.out());
        assertTrue(result.out().contains("pi5-007  succeeded  " + keys.resolve("pi5-007.key")), result.out());
        assertTrue(result.err().contains("Creating auth keys: 20/20"), result.err());
        assertTrue(result.err().contains("20 of 20 auth keys done."), result.err());
        assertTrue(result.err().contains("~/.config/com.raspberrypi.connect/auth.key"), result.err());

        CliRun.Result again = cli.run("auth-keys", "create", "--names", "pi5-{019..021}", "--out-dir", keys.toString());
        assertEquals(2, again.exitCode(), again.err());
        assertTrue(again.err().contains("2 key files already exist in " + keys + " (pi5-019.key, pi5-020.key)"),
                again.err());
        assertEquals(20, server.organisation().authKeys().size(), "nothing was created");

        CliRun.Result numbered = cli.run("auth-keys", "create", "--names", "pi5-{020..021}", "--out-dir",
                keys.toString(), "--if-exists", "number", "--format", "json");
        assertEquals(0, numbered.exitCode(), numbered.err());
        JsonNode rows = Json.mapper().readTree(numbered.out());
        assertEquals(keys.resolve("pi5-020 (2).key").toString(), rows.get(0).get("file").asText());
        assertEquals(keys.resolve("pi5-021.key").toString(), rows.get(1).get("file").asText());
        assertEquals("succeeded", rows.get(1).get("result").asText());
    }

    @Test
    void bulkCreateNeedsAnOutputFolderAndNoSingleKeyOptions() {
        CliRun.Result noDir = cli.run("auth-keys", "create", "--names", "pi5-{1..3}");
        assertEquals(2, noDir.exitCode());
        assertTrue(noDir.err().contains("Give --out-dir DIR"), noDir.err());
        CliRun.Result both = cli.run("auth-keys", "create", "--names", "pi5-{1..3}", "--description", "x",
                "--out-dir", dir.toString());
        assertEquals(2, both.exitCode());
        CliRun.Result badPattern = cli.run("auth-keys", "create", "--names", "pi5-{3..1}", "--out-dir", dir.toString());
        assertEquals(2, badPattern.exitCode());
        assertTrue(badPattern.err().contains("counts down: write {1..3} instead"), badPattern.err());
        assertTrue(server.organisation().authKeys().isEmpty());
    }

    @Test
    void namesFromACsvFileCarryTheirOwnTags() throws Exception {
        Path list = Files.writeString(dir.resolve("devices.csv"), "name,tags\nshop-1,london\nshop-2,leeds kiosk\n");
        CliRun.Result result = cli.run("auth-keys", "create", "--names-file", list.toString(), "--tag", "prod",
                "--out-dir", dir.resolve("keys").toString());

        assertEquals(0, result.exitCode(), result.err());
        Map<String, List<String>> tags = server.organisation().authKeys().stream()
                .collect(Collectors.toMap(AuthKey::description, AuthKey::tags));
        assertEquals(Map.of("shop-1", List.of("prod", "london"), "shop-2", List.of("prod", "leeds", "kiosk")), tags);
    }

    @Test
    void anExchangedKeyShowsAsExchangedAndRefusesEdits() throws Exception {
        CliRun.Result created = cli.run("auth-keys", "create", "--description", "pi5-001", "--format", "json");
        assertEquals(0, created.exitCode(), created.err());
        JsonNode key = Json.mapper().readTree(created.out());
        HttpResponse<String> exchanged = post("/_sim/auth-keys/exchange",
                Json.mapper().writeValueAsString(Map.of("secret", key.get("secret").asText(), "hostname", "pi5-001")),
                Map.of());
        assertEquals(201, exchanged.statusCode(), exchanged.body());

        CliRun.Result shown = cli.run("auth-keys", "show", key.get("id").asText());
        assertTrue(shown.out().contains("State:        exchanged"), shown.out());
        CliRun.Result update = cli.run("auth-keys", "update", key.get("id").asText(), "--tag", "kiosk");
        assertEquals(5, update.exitCode());
        assertTrue(update.err().contains("Cannot update an auth key that has already been exchanged (HTTP 422)"),
                update.err());
    }

    @Test
    void anIdentitySignedWithALocalKeyIsAcceptedAndATamperedSignatureIsRefused() throws Exception {
        KeyPair device = TestKeys.p256();
        Path publicKey = Files.writeString(dir.resolve("pi5-001.pem"), TestKeys.pem(device.getPublic()));
        Path privateKey = Files.writeString(dir.resolve("pi5-001.key.pem"), TestKeys.pem(device));
        CliRun.Result accepted = cli.run("identities", "register", "--public-key", publicKey.toString(),
                "--description", "pi5-001", "--tag", "kiosk", "--private-key", privateKey.toString());
        assertEquals(0, accepted.exitCode(), accepted.err());
        assertEquals(List.of("pi5-001"), server.organisation().identities().stream()
                .map(DeviceIdentity::description).toList());

        KeyPair other = TestKeys.p256();
        Path otherKey = Files.writeString(dir.resolve("pi5-002.pem"), TestKeys.pem(other.getPublic()));
        try (ConnectClient client = ConnectClient.builder().baseUrl(server.baseUrl()).token(server.token()).build()) {
            IdentityRequest request = client.prepareDeviceIdentity(new NewDeviceIdentity(
                    Files.readString(otherKey), "pi5-002", null, List.of()));
            String tampered = tamper(LocalKeySigner.fromPem(TestKeys.pem(other)).sign(request));

            CliRun.Result refused = cli.run("identities", "register", "--public-key", otherKey.toString(),
                    "--description", "pi5-002", "--signature", tampered);
            assertEquals(2, refused.exitCode());
            assertTrue(refused.err().contains("The signature does not verify for this request with the given public"
                    + " key"), refused.err());

            HttpResponse<String> sentAnyway = post("/organisation/device-identities", new String(request.body()),
                    Map.of(ConnectClient.SIGNATURE_HEADER, tampered, "Accept", "application/json"));
            assertEquals(401, sentAnyway.statusCode());
            assertEquals("Invalid X-Connect-Identity-Signature: it does not verify with this public key over this"
                    + " request", Json.mapper().readTree(sentAnyway.body()).get("message").asText());
        }
        assertEquals(1, server.organisation().identities().size());
    }

    @Test
    void bulkIdentitiesFromAFolder() throws Exception {
        for (int i = 1; i <= 6; i++) {
            KeyPair pair = TestKeys.p256();
            Files.writeString(dir.resolve("pi5-" + i + ".pem"), TestKeys.pem(pair.getPublic()));
            Files.writeString(dir.resolve("pi5-" + i + ".key.pem"), TestKeys.pem(pair));
        }
        CliRun.Result result = cli.run("identities", "register", "--folder", dir.toString(), "--private-keys",
                dir.toString(), "--tag", "kiosk");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of("pi5-1", "pi5-2", "pi5-3", "pi5-4", "pi5-5", "pi5-6"), server.organisation().identities()
                .stream().map(DeviceIdentity::description).toList());
        assertTrue(result.out().startsWith("NAME   RESULT     IDENTITY ID"), result.out());
        assertTrue(result.err().contains("6 of 6 device identities done."), result.err());

        CliRun.Result again = cli.run("identities", "register", "--folder", dir.toString(), "--private-keys",
                dir.toString());
        assertEquals(5, again.exitCode());
        assertTrue(again.err().contains("pi5-1: Validation failed: Public key has already been taken (HTTP 422)"),
                again.err());
        assertTrue(again.err().contains("6 of 6 device identities failed or were not started"), again.err());
    }

    private static String tamper(String base64) {
        byte[] der = Base64.getDecoder().decode(base64);
        der[der.length - 1] ^= 0x01;
        return Base64.getEncoder().encodeToString(der);
    }

    private HttpResponse<String> post(String path, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + server.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
