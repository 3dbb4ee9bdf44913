package org.fleetdesk.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.NetworkException;
import org.fleetdesk.api.NewArtefact;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.api.ServerErrorException;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.store.CachedResource;
import org.fleetdesk.store.DeviceChanges;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.store.SyncState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FleetSync} against the simulator over real HTTP. */
class FleetSyncTest {
    @TempDir
    Path dir;

    private FleetStore openStore() {
        return FleetStore.open(dir.resolve("cache.sqlite"));
    }

    private static SimServer start(int devices, long seed) throws IOException {
        return SimServer.start(SimConfig.builder().devices(devices).seed(seed).build());
    }

    private static List<Device> cachedDevices(FleetStore store) {
        return store.search(DeviceQuery.EMPTY, DeviceSort.BY_NAME, 0, Integer.MAX_VALUE);
    }

    private static void assertCacheHolds(SimServer sim, FleetStore store) {
        assertEquals(sim.organisation().devices(), cachedDevices(store));
        assertEquals(sim.organisation().artefacts(), store.artefacts().all());
        assertEquals(sim.organisation().identities(), store.deviceIdentities().all());
        Comparator<AuthKey> byId = Comparator.comparing(AuthKey::id);
        List<AuthKey> expectedKeys = new ArrayList<>(sim.organisation().authKeys().stream()
                .map(AuthKey::withoutSecret).toList());
        List<AuthKey> cachedKeys = new ArrayList<>(store.authKeys().all());
        expectedKeys.sort(byId);
        cachedKeys.sort(byId);
        assertEquals(expectedKeys, cachedKeys);
    }

    @Test
    void copiesTheWholeOrganisationAndReportsPagesAsTheyArrive() throws IOException {
        try (SimServer sim = start(1_250, 7); FleetStore store = openStore()) {
            SimOrganisation org = new SimOrganisation(sim);
            org.createAuthKey("line 1", "kiosk");
            org.createAuthKey("line 2");
            org.client().createArtefact(new NewArtefact("signage-2.1", "https://example.com/signage.img", "a".repeat(64)));
            org.registerIdentity("till 1");
            org.registerIdentity("till 2");
            List<String> progress = Collections.synchronizedList(new ArrayList<>());

            SyncReport report = new FleetSync(org.client(), store).syncAll(
                    (resource, done, total) -> progress.add(resource + " " + done + "/" + total), () -> false);

            assertCacheHolds(sim, store);
            assertEquals(1_250, report.devices());
            assertEquals(1, report.artefacts());
            assertEquals(2, report.authKeys());
            assertEquals(2, report.deviceIdentities());
            assertEquals(13 + 3, report.pages());
            assertEquals(new DeviceChanges(1_250, 0, 0), report.deviceChanges());
            assertTrue(report.exact());
            assertEquals("devices 1/13", progress.get(0));
            assertTrue(progress.containsAll(List.of("devices 13/13", "artefacts 1/1", "auth keys 1/1",
                    "device identities 1/1")), progress.toString());
            for (CachedResource resource : CachedResource.values()) {
                assertTrue(store.lastSync(resource).isPresent(), resource + " has no sync stamp");
            }
            assertTrue(report.summary().startsWith("1250 devices (1250 new, 0 changed, 0 removed), 1 artefacts"),
                    report.summary());
        }
    }

    @Test
    void aSecondSyncFollowsDeletionsEnrolmentsAndOtherChanges() throws IOException {
        try (SimServer sim = start(400, 8); FleetStore store = openStore()) {
            SimOrganisation org = new SimOrganisation(sim);
            AuthKey key = org.createAuthKey("enrol one", "kiosk", "leeds");
            var identity = org.registerIdentity("till 1");
            var artefact = org.client().createArtefact(new NewArtefact("old-image", "https://example.com/o.img",
                    "b".repeat(64)));
            FleetSync sync = new FleetSync(org.client(), store);
            sync.syncAll(SyncProgress.NONE, () -> false);

            List<Device> devices = sim.organisation().devices();
            for (Device gone : List.of(devices.get(0), devices.get(200), devices.get(399))) {
                org.client().deleteDevice(gone.id());
            }
            Device enrolled = org.enrol(key, "kiosk-leeds-new");
            org.client().deleteDeviceIdentity(identity.id());
            org.client().deleteArtefact(artefact.id());
            org.createAuthKey("another");
            SyncReport report = sync.syncAll(SyncProgress.NONE, () -> false);

            assertCacheHolds(sim, store);
            assertEquals(new DeviceChanges(1, 0, 3), report.deviceChanges());
            assertEquals(398, report.devices());
            assertTrue(store.device(enrolled.id()).isPresent());
            assertFalse(store.device(devices.get(200).id()).isPresent());
            assertTrue(store.deviceIdentities().all().isEmpty());
            assertTrue(store.artefacts().all().isEmpty());
            assertNotNull(store.authKeys().get(key.id()).orElseThrow().exchangedAt(), "the key's exchange was synced");
        }
    }

    @Test
    void syncDevicesLeavesTheOtherResourcesAlone() throws IOException {
        try (SimServer sim = start(150, 9); FleetStore store = openStore()) {
            SimOrganisation org = new SimOrganisation(sim);
            org.createAuthKey("kept");

            SyncReport report = new FleetSync(org.client(), store).syncDevices(SyncProgress.NONE, () -> false);

            assertEquals(sim.organisation().devices(), cachedDevices(store));
            assertEquals(150, report.devices());
            assertEquals(2, report.pages());
            assertTrue(store.authKeys().all().isEmpty());
            assertTrue(store.lastSync(CachedResource.AUTH_KEYS).isEmpty());
        }
    }

    @Test
    void neitherTheTokenNorAnAuthKeySecretReachesTheCacheFiles() throws IOException {
        try (SimServer sim = start(300, 10)) {
            SimOrganisation org = new SimOrganisation(sim);
            List<String> secrets = List.of(org.createAuthKey("one").secret(), org.createAuthKey("two", "kiosk").secret());
            try (FleetStore store = openStore()) {
                new FleetSync(org.client(), store).syncAll(SyncProgress.NONE, () -> false);
                assertEquals(2, store.authKeys().all().size());
                assertNoSecretsInFiles(sim.token(), secrets);
            }
            assertNoSecretsInFiles(sim.token(), secrets);
        }
    }

    private void assertNoSecretsInFiles(String token, List<String> secrets) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("cache.sqlite")), files.toString());
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains(token), "the token is in " + file);
            assertFalse(bytes.contains("rpoak_"), "an auth-key secret is in " + file);
            for (String secret : secrets) {
                assertFalse(bytes.contains(secret.substring("rpoak_".length())), "a secret is in " + file);
            }
        }
    }

    /** Syncs {@code before} into the store, then returns the store's content and stamp for comparison. */
    private static Snapshot syncedFrom(SimServer before, FleetStore store) {
        new FleetSync(SimOrganisation.client(before, RetryPolicy.none()), store).syncAll(SyncProgress.NONE, () -> false);
        return Snapshot.of(store);
    }

    private record Snapshot(List<Device> devices, Optional<SyncState> stamp) {
        static Snapshot of(FleetStore store) {
            return new Snapshot(cachedDevices(store), store.lastSync(CachedResource.DEVICES));
        }
    }

    private static class RecordingProgress implements SyncProgress {
        final AtomicReference<SyncFailure> failure = new AtomicReference<>();
        final AtomicInteger pages = new AtomicInteger();

        @Override
        public void update(String resource, int pagesDone, int totalPages) {
            pages.incrementAndGet();
        }

        @Override
        public void failed(SyncFailure failed) {
            assertTrue(failure.compareAndSet(null, failed), "failure reported twice");
        }
    }

    @Test
    void aServerFailingHalfWayLeavesThePreviousCacheAndSaysWhatFailed() throws IOException {
        try (SimServer healthy = start(800, 11); FleetStore store = openStore();
             SimServer failing = SimServer.start(SimConfig.builder().devices(3_000).seed(12).failRate(0.3).build())) {
            Snapshot before = syncedFrom(healthy, store);
            RecordingProgress progress = new RecordingProgress();
            FleetSync sync = new FleetSync(SimOrganisation.client(failing, RetryPolicy.none()), store, 4);

            ServerErrorException thrown = assertThrows(ServerErrorException.class,
                    () -> sync.syncAll(progress, () -> false));

            assertEquals(before, Snapshot.of(store));
            SyncFailure failure = progress.failure.get();
            assertSame(thrown, failure.cause());
            assertTrue(failure.describe().startsWith("The sync stopped while fetching devices ("), failure.describe());
            assertTrue(failure.describe().endsWith(": the cache was not changed."), failure.describe());
            assertTrue(failure.pagesDone() < 30, failure.toString());
        }
    }

    @Test
    void truncatedAnswersLeaveThePreviousCache() throws IOException {
        try (SimServer healthy = start(500, 13); FleetStore store = openStore();
             SimServer truncating = SimServer.start(SimConfig.builder().devices(3_000).seed(14).truncateRate(0.3).build())) {
            Snapshot before = syncedFrom(healthy, store);
            RecordingProgress progress = new RecordingProgress();
            FleetSync sync = new FleetSync(SimOrganisation.client(truncating, RetryPolicy.none()), store, 4);

            ApiException thrown = assertThrows(ApiException.class, () -> sync.syncAll(progress, () -> false));

            assertEquals(before, Snapshot.of(store));
            assertSame(thrown, progress.failure.get().cause());
        }
    }

    @Test
    void injectedFaultsAreRetriedAwayAndTheCacheIsExact() throws IOException {
        try (SimServer flaky = SimServer.start(SimConfig.builder().devices(2_000).seed(15).failRate(0.15)
                .truncateRate(0.05).build()); FleetStore store = openStore()) {
            ConnectClient client = SimOrganisation.client(flaky, SimOrganisation.quickRetries(8));

            SyncReport report = new FleetSync(client, store).syncAll(SyncProgress.NONE, () -> false);

            assertEquals(flaky.organisation().devices(), cachedDevices(store));
            assertTrue(report.exact());
        }
    }

    @Test
    void aServerStoppedMidSyncLeavesThePreviousCache() throws IOException {
        try (SimServer healthy = start(300, 16); FleetStore store = openStore();
             SimServer stopping = SimServer.start(SimConfig.builder().devices(4_000).seed(17).latencyMs(10).build())) {
            Snapshot before = syncedFrom(healthy, store);
            RecordingProgress progress = new RecordingProgress() {
                @Override
                public void update(String resource, int pagesDone, int totalPages) {
                    if (pagesDone == 5) {
                        stopping.stop();
                    }
                }
            };
            FleetSync sync = new FleetSync(SimOrganisation.client(stopping, SimOrganisation.quickRetries(2)), store, 2);

            assertThrows(NetworkException.class, () -> sync.syncAll(progress, () -> false));

            assertEquals(before, Snapshot.of(store));
            SyncFailure failure = progress.failure.get();
            assertEquals("devices", failure.stage());
            assertTrue(failure.pagesDone() >= 5 && failure.pagesDone() < 40, failure.toString());
            assertEquals(40, failure.totalPages());
        }
    }

    @Test
    void aCancelledSyncLeavesThePreviousCache() throws IOException {
        try (SimServer healthy = start(200, 18); FleetStore store = openStore();
             SimServer other = SimServer.start(SimConfig.builder().devices(3_000).seed(19).latencyMs(5).build())) {
            Snapshot before = syncedFrom(healthy, store);
            RecordingProgress progress = new RecordingProgress();
            FleetSync sync = new FleetSync(SimOrganisation.client(other, RetryPolicy.none()), store, 2);

            assertThrows(CancellationException.class, () -> sync.syncAll(progress, () -> progress.pages.get() >= 4));

            assertEquals(before, Snapshot.of(store));
            assertTrue(progress.failure.get().describe().startsWith("The sync was cancelled while fetching devices"),
                    progress.failure.get().describe());
        }
    }
}
