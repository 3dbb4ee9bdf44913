package org.fleetdesk.ui.identities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.Json;
import org.fleetdesk.api.TestKeys;
import org.fleetdesk.provision.Outcome;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.sync.SyncProgress;
import org.fleetdesk.ui.common.SameThreadTaskExecutor;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.provision.SimSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentitiesViewModelTest {
    @TempDir
    Path dir;

    private SimServer server;
    private Session session;
    private IdentitiesViewModel model;

    @BeforeEach
    void open() throws Exception {
        server = SimServer.start(SimConfig.builder().devices(0).seed(22).build());
        session = SimSession.open(server, dir, new SameThreadTaskExecutor());
        model = new IdentitiesViewModel(session);
    }

    @AfterEach
    void close() {
        session.close();
        server.stop();
    }

    @Test
    void registerWithALocalPrivateKeyThatIsForgottenAfterwards() throws Exception {
        KeyPair device = TestKeys.p256();
        Path privateKey = Files.writeString(dir.resolve("pi5-001.key.pem"), TestKeys.pem(device));
        RegisterIdentityForm form = model.newRegistration();
        form.publicKeyProperty().set(TestKeys.pem(device.getPublic()));
        form.descriptionProperty().set("pi5-001");
        form.tags().add("kiosk");
        form.signingProperty().set(RegisterIdentityForm.Signing.LOCAL_KEY);
        form.loadPrivateKey(privateKey);
        assertTrue(form.privateKeyLoadedProperty().get());
        List<DeviceIdentity> done = new ArrayList<>();

        form.register(done::add, message -> { throw new AssertionError(message); });

        assertEquals(List.of("pi5-001"), server.organisation().identities().stream().map(DeviceIdentity::description)
                .toList());
        assertEquals(List.of("kiosk"), done.get(0).tags());
        assertFalse(form.privateKeyLoadedProperty().get(), "the private key is dropped after use");
        assertEquals(List.of("pi5-001"), model.identities().stream().map(DeviceIdentity::description).toList());
    }

    @Test
    void aSignatureMadeOnTheDeviceOverTheShownDigestIsAcceptedAndATamperedOneRefused() throws Exception {
        KeyPair device = TestKeys.p256();
        RegisterIdentityForm form = model.newRegistration();
        form.publicKeyProperty().set(TestKeys.pem(device.getPublic()));
        form.descriptionProperty().set("shop 12");
        String digest = form.digestProperty().get();
        assertEquals(64, digest.length());
        String signature = signDigest(device, digest);
        List<String> failures = new ArrayList<>();

        form.signatureProperty().set(tamper(signature));
        form.register(i -> failures.add("registered"), failures::add);
        assertTrue(failures.get(0).startsWith("The signature does not verify for this request"), failures.get(0));
        assertTrue(server.organisation().identities().isEmpty());

        form.signatureProperty().set(signature);
        form.register(i -> failures.add("registered"), failures::add);
        assertEquals("registered", failures.get(1));

        form.deviceNameProperty().set("changed");
        assertFalse(digest.equals(form.digestProperty().get()), "another request has another digest");
    }

    @Test
    void bulkRegistrationFromAFolder() throws Exception {
        for (int i = 1; i <= 4; i++) {
            KeyPair pair = TestKeys.p256();
            Files.writeString(dir.resolve("pi5-" + i + ".pem"), TestKeys.pem(pair.getPublic()));
            Files.writeString(dir.resolve("pi5-" + i + ".key.pem"), TestKeys.pem(pair));
        }
        BulkIdentitiesViewModel bulk = model.newBulk();
        bulk.tags().add("kiosk");
        bulk.sourceProperty().set(dir);
        assertEquals(4, bulk.rows().size());
        bulk.signingSourceProperty().set(dir);

        bulk.start();

        assertEquals(4, bulk.batch().outcomes().stream().filter(Outcome::succeeded).count());
        assertEquals("4 of 4 identities registered.", bulk.batch().summaryProperty().get());
        assertEquals(4, model.identities().size());
        server.organisation().identities().forEach(i -> assertEquals(List.of("kiosk"), i.tags()));
    }

    @Test
    void deletingAnExchangedIdentityRemovesItsDeviceFromTheCache() throws Exception {
        KeyPair device = TestKeys.p256();
        RegisterIdentityForm form = model.newRegistration();
        form.publicKeyProperty().set(TestKeys.pem(device.getPublic()));
        form.descriptionProperty().set("pi5-001");
        form.signatureProperty().set(signDigest(device, form.digestProperty().get()));
        form.register(i -> { }, message -> { throw new AssertionError(message); });
        HttpResponse<String> exchanged = SimSession.exchange(server, "device-identities",
                Map.of("public_key", TestKeys.pem(device.getPublic()), "hostname", "pi5-001"));
        assertEquals(201, exchanged.statusCode(), exchanged.body());
        JsonNode deviceJson = Json.mapper().readTree(exchanged.body());
        session.sync().syncAll(SyncProgress.NONE, () -> false);
        assertTrue(session.store().device(deviceJson.get("id").asText()).isPresent());

        model.reload();
        model.delete(List.copyOf(model.identities()));

        assertTrue(server.organisation().identities().isEmpty());
        assertTrue(session.store().device(deviceJson.get("id").asText()).isEmpty(), "the device left the cache");
        assertTrue(model.identities().isEmpty());
    }

    /** What the device does: ECDSA P-256 over the SHA-256 digest it was shown, DER, Base64. */
    private static String signDigest(KeyPair pair, String digestHex) throws Exception {
        Signature signer = Signature.getInstance("NONEwithECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(HexFormat.of().parseHex(digestHex));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static String tamper(String base64) {
        byte[] der = Base64.getDecoder().decode(base64);
        der[der.length - 1] ^= 0x01;
        return Base64.getEncoder().encodeToString(der);
    }
}
