package org.fleetdesk.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkIdentitiesTest {
    @TempDir
    Path dir;

    @Test
    void aFolderOfKeysSignedByLocalPrivateKeysIsRegisteredOnceEachDespiteLostAnswers() throws Exception {
        IdentityFixtures.writeFolder(dir, "pi5-{01..20}");
        try (SimServer server = SimServer.start(SimConfig.builder().devices(0).seed(3).truncateRate(0.15).build())) {
            RequestLimiter limiter = RequestLimiter.create(500, 4);
            try (ConnectClient client = BulkAuthKeysTest.client(server, limiter)) {
                List<IdentityEntry> entries = IdentitySources.fromFolder(dir, List.of("kiosk"));
                BulkResult<DeviceIdentity> result = new BulkIdentities(client, limiter).register(entries,
                        IdentitySigning.privateKeys(dir), BulkProgress.none(), () -> false);

                assertTrue(result.allSucceeded(), () -> result.failed().toString());
                List<DeviceIdentity> registered = server.organisation().identities();
                assertEquals(NamePattern.expand("pi5-{01..20}"), registered.stream().map(DeviceIdentity::description)
                        .toList());
                registered.forEach(i -> assertEquals(List.of("kiosk"), i.tags()));
                registered.forEach(i -> assertEquals(i.description(), i.deviceName()));
                assertTrue(result.outcomes().stream().anyMatch(o -> o.message() != null), "some answers were lost");
            }
        }
    }

    @Test
    void signaturesMadeOnTheDevicesOverTheDigestsAreAccepted() throws Exception {
        Map<String, KeyPair> pairs = IdentityFixtures.writeFolder(dir, "shop-{1..5}");
        Files.writeString(dir.resolve("devices.csv"), "public_key_file,description,device_name,tags\n"
                + pairs.keySet().stream().map(n -> n + ".pem,Shop " + n + ",," + "kiosk london")
                .collect(Collectors.joining("\n")));
        try (SimServer server = SimServer.start(SimConfig.builder().devices(0).seed(4).build())) {
            RequestLimiter limiter = RequestLimiter.create(500, 4);
            try (ConnectClient client = BulkAuthKeysTest.client(server, limiter)) {
                List<IdentityEntry> entries = IdentitySources.fromCsv(dir.resolve("devices.csv"), List.of());
                StringBuilder signatures = new StringBuilder("name,signature\n");
                for (IdentityDigests.Digest digest : IdentityDigests.of(client, entries)) {
                    signatures.append(digest.name()).append(',')
                            .append(signOnDevice(pairs.get(digest.name()), digest.sha256Hex())).append('\n');
                }
                Files.writeString(dir.resolve("signatures.csv"), signatures);

                BulkResult<DeviceIdentity> result = new BulkIdentities(client, limiter).register(entries,
                        IdentitySigning.signatures(dir.resolve("signatures.csv")), BulkProgress.none(), () -> false);

                assertTrue(result.allSucceeded(), () -> result.failed().toString());
                assertEquals(List.of("Shop shop-1", "Shop shop-2", "Shop shop-3", "Shop shop-4", "Shop shop-5"),
                        server.organisation().identities().stream().map(DeviceIdentity::description).toList());
                server.organisation().identities().forEach(i -> assertEquals(List.of("kiosk", "london"), i.tags()));
            }
        }
    }

    @Test
    void aMissingPrivateKeyFailsItsRowOnly() throws Exception {
        IdentityFixtures.writeFolder(dir, "pi5-{1..3}");
        Files.delete(dir.resolve("pi5-2.key.pem"));
        try (SimServer server = SimServer.start(SimConfig.builder().devices(0).seed(5).build())) {
            RequestLimiter limiter = RequestLimiter.create(500, 2);
            try (ConnectClient client = BulkAuthKeysTest.client(server, limiter)) {
                BulkResult<DeviceIdentity> result = new BulkIdentities(client, limiter).register(
                        IdentitySources.fromFolder(dir, List.of()), IdentitySigning.privateKeys(dir),
                        BulkProgress.none(), () -> false);

                assertEquals(List.of("pi5-1", "pi5-3"), result.succeeded().stream().map(Outcome::name).toList());
                assertEquals("No private key for pi5-2: expected pi5-2.key.pem in " + dir + ".",
                        result.failed().get(0).message());
                assertEquals(2, server.organisation().identities().size());
            }
        }
    }

    /** What a device does: ECDSA P-256 over the given SHA-256 digest, DER, Base64. */
    static String signOnDevice(KeyPair pair, String digestHex) throws Exception {
        Signature signer = Signature.getInstance("NONEwithECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(HexFormat.of().parseHex(digestHex));
        return Base64.getEncoder().encodeToString(signer.sign());
    }
}
