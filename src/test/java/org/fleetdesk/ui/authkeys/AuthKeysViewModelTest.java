package org.fleetdesk.ui.authkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.AuthKeyUpdate;
import org.fleetdesk.api.NewAuthKey;
import org.fleetdesk.provision.Outcome;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.ui.common.SameThreadTaskExecutor;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.provision.SimSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthKeysViewModelTest {
    @TempDir
    Path dir;

    private SimServer server;
    private Session session;
    private AuthKeysViewModel model;

    @BeforeEach
    void open() throws Exception {
        server = SimServer.start(SimConfig.builder().devices(0).seed(21).build());
        session = SimSession.open(server, dir, new SameThreadTaskExecutor());
        model = new AuthKeysViewModel(session);
    }

    @AfterEach
    void close() {
        session.close();
        server.stop();
    }

    @Test
    void refreshShowsTheKeysInTheApisOrderAndFiltersByState() throws Exception {
        AuthKey exchanged = session.client().createAuthKey(new NewAuthKey("first", null, null, List.of()));
        SimSession.advance(server, 1);
        session.client().createAuthKey(new NewAuthKey("second", null, null, List.of()));
        SimSession.advance(server, 1);
        session.client().createAuthKey(new NewAuthKey("third", null, null, List.of()));
        SimSession.exchange(server, "auth-keys", Map.of("secret", exchanged.secret(), "hostname", "pi"));

        model.refresh();

        assertEquals(List.of("third", "second", "first"), model.keys().stream().map(AuthKey::description).toList());
        assertEquals(AuthKey.State.EXCHANGED, model.stateOf(model.keys().get(2)));
        model.filterProperty().set(AuthKeysViewModel.StateFilter.EXCHANGED);
        assertEquals(List.of("first"), model.keys().stream().map(AuthKey::description).toList());
        model.filterProperty().set(AuthKeysViewModel.StateFilter.USABLE);
        assertEquals(2, model.keys().size());
        assertEquals("3 auth keys.", model.statusProperty().get());
    }

    @Test
    void createOneHandsTheSecretOverOnceAndCachesTheKeyWithoutIt() {
        CreateKeyForm form = model.newForm();
        form.descriptionProperty().set("shop 12");
        form.ttlDaysProperty().set(7);
        form.tags().add("kiosk");
        AtomicReference<AuthKey> created = new AtomicReference<>();

        model.create(form.request(), created::set, message -> { throw new AssertionError(message); });

        AuthKey onServer = server.organisation().authKeys().get(0);
        assertEquals(onServer.secret(), created.get().secret());
        assertEquals(List.of("kiosk"), onServer.tags());
        assertNull(session.store().authKeys().get(onServer.id()).orElseThrow().secret(), "the cache never holds a secret");
        assertEquals(List.of("shop 12"), model.keys().stream().map(AuthKey::description).toList());
        assertNull(model.keys().get(0).secret());
    }

    @Test
    void theFormExplainsWhatToFix() {
        CreateKeyForm form = model.newForm();
        assertNull(form.request());
        assertEquals("Description can't be blank.", form.problemProperty().get());
        form.descriptionProperty().set("x");
        form.ttlDaysProperty().set(91);
        assertNull(form.request());
        assertTrue(form.problemProperty().get().startsWith("ttl_days 91 is out of range"));
    }

    @Test
    void anExchangedKeyRefusesEditsWithTheServersReason() throws Exception {
        AuthKey key = session.client().createAuthKey(new NewAuthKey("pi5-001", null, "pi5-001", List.of()));
        SimSession.exchange(server, "auth-keys", Map.of("secret", key.secret(), "hostname", "pi5-001"));
        model.refresh();
        List<String> failures = new ArrayList<>();

        model.update(key.id(), new AuthKeyUpdate("renamed", null, null), () -> failures.add("saved"), failures::add);

        assertEquals(1, failures.size());
        assertTrue(failures.get(0).startsWith("Cannot update an auth key that has already been exchanged"),
                failures.get(0));
        assertEquals("pi5-001", server.organisation().authKeys().get(0).description());
    }

    @Test
    void deletingSeveralKeys() {
        for (String name : List.of("a", "b", "c")) {
            session.client().createAuthKey(new NewAuthKey(name, null, null, List.of()));
        }
        model.refresh();

        model.delete(model.keys().stream().filter(k -> !k.description().equals("a")).toList());

        assertEquals(List.of("a"), server.organisation().authKeys().stream().map(AuthKey::description).toList());
        assertEquals(List.of("a"), model.keys().stream().map(AuthKey::description).toList());
        assertEquals("Deleted 2 auth keys.", model.statusProperty().get());
    }

    @Test
    void bulkCreationPreviewsRunsAndHandsTheSecretsToTheOneTimeView() throws Exception {
        BulkKeysViewModel bulk = model.newBulk();
        bulk.namesProperty().set("pi5-{3..1}");
        assertTrue(bulk.problemProperty().get().contains("counts down"), bulk.problemProperty().get());
        bulk.namesProperty().set("pi5-{01..12}");
        bulk.tags().add("production");
        assertEquals(12, bulk.preview().size());
        assertEquals("pi5-01  [production]", bulk.preview().get(0));

        bulk.start();

        assertEquals(12, bulk.batch().outcomes().stream().filter(Outcome::succeeded).count());
        assertTrue(bulk.batch().summaryProperty().get().startsWith("12 of 12 keys created."), bulk.batch().summaryProperty().get());
        assertEquals(12, model.keys().size(), "the screen's list follows the cache");
        List<AuthKey> created = bulk.takeCreated();
        assertEquals(12, created.size());
        assertTrue(bulk.takeCreated().isEmpty(), "handed over once");

        SecretsViewModel secrets = model.secrets(created);
        Path keys = dir.resolve("keys");
        secrets.saveKeyFiles(keys, false);
        assertTrue(secrets.savedProperty().get(), secrets.statusProperty().get());
        for (AuthKey key : server.organisation().authKeys()) {
            Path file = keys.resolve(key.description() + ".key");
            assertEquals(key.secret() + "\n", Files.readString(file));
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
        secrets.saveKeyFiles(keys, false);
        assertTrue(secrets.statusProperty().get().startsWith("Not saved: 12 key files already exist"),
                secrets.statusProperty().get());
        secrets.saveCsv(dir.resolve("keys.csv"));
        assertEquals(13, Files.readAllLines(dir.resolve("keys.csv")).size());
        secrets.forget();
        assertTrue(secrets.keys().isEmpty());
    }
}
