package org.fleetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fleetdesk.api.Board;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.DeploymentState;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.OsInfo;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.query.FleetIndex;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.query.TestFleet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceStoreTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    Path dir;
    private FleetStore store;

    static Device device(String id, String name, String serial, List<String> tags) {
        return new Device(id, name, serial, tags, new Board("Raspberry Pi 5", "1.0", "8 GB"),
                new OsInfo("Raspberry Pi OS", "13 (Trixie)"), "aarch64",
                Map.of("model", "5", "memory", "8gb", "os", "raspios-13"));
    }

    static Deployment deployment(String id, String deviceId) {
        return new Deployment(id, DeploymentState.PENDING, null, deviceId, "art-1", Instant.parse("2025-01-02T03:04:05.5Z"),
                Instant.parse("2025-01-02T03:04:06Z"));
    }

    private List<String> ids(String query) {
        return store.matchingIds(QueryParser.parse(query), DeviceSort.BY_NAME);
    }

    @BeforeEach
    void open() {
        store = FleetStore.open(dir.resolve("cache.sqlite"), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void devicesReadBackExactlyAsWritten() {
        List<Device> fleet = new ArrayList<>(TestFleet.generate(300, 8));
        fleet.add(new Device("odd", null, null, List.of(), null, null, null, Map.of()));
        fleet.add(new Device("half", "half-known", "ab", List.of("x"), new Board(null, null, "1 GB"), null, null,
                Map.of("memory", "1gb")));
        store.replaceDevices(fleet);
        for (Device d : fleet) {
            assertEquals(Optional.of(d), store.device(d.id()));
        }
        assertEquals(Optional.empty(), store.device("missing"));
        List<Device> sorted = fleet.stream().sorted(DeviceSort.BY_NAME.comparator()).toList();
        assertEquals(sorted, store.index().devices());
        assertEquals(sorted.subList(10, 30), store.search(DeviceQuery.EMPTY, DeviceSort.BY_NAME, 10, 20));
    }

    @Test
    void replaceAddsChangesAndRemovesInOneGo() {
        store.replaceDevices(List.of(device("a", "alpha", "s1", List.of("kiosk")), device("b", "bravo", "s2", List.of()),
                device("c", "charlie", "s3", List.of("lab"))));
        store.putDeployments("c", List.of(deployment("dep-c", "c")));
        store.replaceDevices(List.of(device("a", "alpha", "s1", List.of("kiosk")),
                device("b", "bravo-renamed", "s2", List.of("staging")), device("d", "delta", "s4", List.of("lab"))));
        assertEquals(List.of("a", "b", "d"), ids(""));
        assertEquals(List.of("b"), ids("renamed"));
        assertEquals(List.of(), ids("charlie"));
        assertEquals(List.of("b"), ids("tag:staging"));
        assertEquals(List.of("d"), ids("tag:lab"));
        assertEquals(List.of(), store.deployments("c"));
        assertEquals(Optional.of(new SyncState(CachedResource.DEVICES, NOW, 3)), store.lastSync(CachedResource.DEVICES));
    }

    @Test
    void replacingWithNothingEmptiesTheCache() {
        store.replaceDevices(TestFleet.generate(50, 9));
        store.replaceDevices(List.of());
        assertEquals(0, store.count(DeviceQuery.EMPTY));
        assertEquals(List.of(), ids("a"));
        assertEquals(0, store.lastSync(CachedResource.DEVICES).orElseThrow().count());
    }

    @Test
    void aReplacementWrittenPageByPageKeepsWhatItsLastReadListed() {
        store.replaceDevices(List.of(device("a", "alpha", "s1", List.of("kiosk")), device("b", "bravo", "s2", List.of()),
                device("c", "charlie", "s3", List.of("lab"))));

        DeviceChanges changes = store.replace(writer -> {
            writer.devices(List.of(device("a", "alpha", "s1", List.of("kiosk")), device("e", "echo", "s5", List.of())));
            writer.devices(List.of(device("b", "bravo-first-read", "s2", List.of("staging"))));
            writer.restartDevices();
            writer.devices(List.of(device("a", "alpha", "s1", List.of("kiosk")), device("b", "bravo", "s2", List.of())));
            writer.devices(List.of(device("d", "delta", "s4", List.of("lab")), device("b", "bravo-renamed", "s2",
                    List.of("lab"))));
        });

        assertEquals(new DeviceChanges(1, 1, 1), changes);
        assertEquals(List.of("a", "b", "d"), ids(""));
        assertEquals(List.of("b"), ids("renamed"));
        assertEquals(List.of(), ids("echo"));
        assertEquals(List.of(), ids("first"));
        assertEquals(List.of(), ids("tag:staging"));
        assertEquals(List.of("b", "d"), ids("tag:lab"));
        assertEquals(Optional.of(new SyncState(CachedResource.DEVICES, NOW, 3)), store.lastSync(CachedResource.DEVICES));
    }

    @Test
    void aReplacementThatFailsHalfWayChangesNothing() {
        store.replaceDevices(List.of(device("a", "alpha", "s1", List.of("kiosk"))));

        assertThrows(IllegalStateException.class, () -> store.replace(writer -> {
            writer.devices(List.of(device("b", "bravo", "s2", List.of("lab"))));
            writer.artefacts(List.of());
            throw new IllegalStateException("the network went away");
        }));

        assertEquals(List.of("a"), ids(""));
        assertEquals(List.of("a"), ids("tag:kiosk"));
        assertEquals(List.of(), ids("bravo"));
        assertTrue(store.lastSync(CachedResource.ARTEFACTS).isEmpty());
    }

    /** An empty cache is loaded without its indexes, which are built at the end: the answers must not differ. */
    @Test
    void aFirstSyncAnswersEveryQueryAsAnIncrementalOneDoes() {
        List<Device> fleet = TestFleet.generate(3_000, 11);
        store.replace(writer -> {
            for (int from = 0; from < fleet.size(); from += 100) {
                writer.devices(fleet.subList(from, Math.min(fleet.size(), from + 100)));
            }
        });
        try (FleetStore incremental = FleetStore.open(dir.resolve("incremental.sqlite"))) {
            incremental.replaceDevices(List.of(device("seed", "seed", "s0", List.of())));
            incremental.replace(writer -> writer.devices(fleet));
            for (String query : List.of("", "tag:kiosk", "tag:production tag:leeds", "model:5", "memory:8gb os:raspios-13",
                    "kiosk", "4a", "café", "tag:KIOSK model:4b", "\"reception display\"")) {
                assertEquals(incremental.matchingIds(QueryParser.parse(query), DeviceSort.BY_NAME), ids(query), query);
                assertEquals(incremental.count(QueryParser.parse(query)), store.count(QueryParser.parse(query)), query);
            }
        }
        assertEquals(List.of("device_tags_by_tag", "devices_by_memory", "devices_by_model", "devices_by_name",
                "devices_by_os"), indexes());
    }

    @Test
    void aFirstSyncThatFailsKeepsTheIndexesItDropped() {
        assertThrows(IllegalStateException.class, () -> store.replace(writer -> {
            writer.devices(List.of(device("b", "bravo", "s2", List.of("lab"))));
            throw new IllegalStateException("the network went away");
        }));

        assertEquals(List.of("device_tags_by_tag", "devices_by_memory", "devices_by_model", "devices_by_name",
                "devices_by_os"), indexes());
        store.replaceDevices(List.of(device("a", "alpha", "s1", List.of("kiosk"))));
        assertEquals(List.of("a"), ids("tag:kiosk"));
        assertEquals(List.of("a"), ids("alph"));
    }

    @Test
    void aFirstSyncThatReadsTheListTwiceKeepsTheLastRead() {
        DeviceChanges changes = store.replace(writer -> {
            writer.devices(List.of(device("a", "alpha", "s1", List.of("kiosk")), device("e", "echo", "s5", List.of())));
            writer.devices(List.of(device("a", "alpha-changed", "s1", List.of("staging"))));
            writer.restartDevices();
            writer.devices(List.of(device("a", "alpha", "s1", List.of("kiosk")), device("b", "bravo", "s2",
                    List.of("lab", "Lab"))));
        });

        assertEquals(new DeviceChanges(2, 0, 0), changes);
        assertEquals(List.of("a", "b"), ids(""));
        assertEquals(List.of(), ids("echo"));
        assertEquals(List.of(), ids("changed"));
        assertEquals(List.of(), ids("tag:staging"));
        assertEquals(List.of("a"), ids("tag:kiosk"));
        assertEquals(List.of("b"), ids("tag:lab"));
    }

    @Test
    void devicesFinishedEarlyAreFinalWhileTheOtherListsAreWritten() {
        store.replaceDevices(List.of(device("a", "alpha", "s1", List.of()), device("b", "bravo", "s2", List.of())));

        DeviceChanges changes = store.replace(writer -> {
            writer.devices(List.of(device("a", "alpha-renamed", "s1", List.of("kiosk"))));
            writer.finishDevices();
            writer.artefacts(List.of());
            assertThrows(IllegalStateException.class, () -> writer.devices(List.of(device("c", "charlie", "s3",
                    List.of()))));
        });

        assertEquals(new DeviceChanges(0, 1, 1), changes);
        assertEquals(List.of("a"), ids("tag:kiosk"));
        assertEquals(List.of("a"), ids(""));
    }

    /** The indexes of the device tables, read through a connection of the test's own. */
    private List<String> indexes() {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache.sqlite"));
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type ="
                     + " 'index' AND tbl_name IN ('devices', 'device_tags') AND sql IS NOT NULL ORDER BY name")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theLaterOfTwoDevicesWithOneIdWins() {
        store.replaceDevices(List.of(device("a", "first", "s1", List.of()), device("a", "second", "s1", List.of())));
        assertEquals("second", store.device("a").orElseThrow().name());
        assertEquals(1, store.count(DeviceQuery.EMPTY));
    }

    @Test
    void upsertAddsOrUpdatesOneDeviceAndItsSearchEntries() {
        store.replaceDevices(List.of(device("a", "alpha", "s1", List.of("kiosk"))));
        store.upsertDevice(device("b", "bravo", "s2", List.of("lab")));
        store.upsertDevice(device("a", "alpha-two", "s9", List.of("staging")));
        assertEquals(List.of("a"), ids("alpha-two"));
        assertEquals(List.of("a"), ids("s9"));
        assertEquals(List.of(), ids("tag:kiosk"));
        assertEquals(List.of("a"), ids("tag:staging"));
        assertEquals(List.of("b"), ids("bravo tag:lab"));
    }

    @Test
    void deleteRemovesTheDeviceFromEverySearch() {
        store.replaceDevices(List.of(device("a", "alpha", "s1", List.of("kiosk")), device("b", "bravo", "s2", List.of())));
        assertTrue(store.deleteDevice("a"));
        assertFalse(store.deleteDevice("a"));
        assertEquals(List.of(), ids("alpha"));
        assertEquals(List.of(), ids("tag:kiosk"));
        assertEquals(List.of("b"), ids(""));
    }

    @Test
    void aDeviceWithoutIdIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> store.replaceDevices(List.of(device(null, "x", "s", List.of()))));
    }

    @Test
    void deploymentsAreKeptPerDeviceInTheApisOrder() {
        store.replaceDevices(List.of(device("a", "alpha", "s1", List.of())));
        List<Deployment> deployments = List.of(deployment("dep-2", "a"), deployment("dep-1", "a"));
        assertTrue(store.putDeployments("a", deployments));
        assertEquals(deployments, store.deployments("a"));
        assertTrue(store.putDeployments("a", List.of(deployment("dep-3", "a"))));
        assertEquals(List.of("dep-3"), store.deployments("a").stream().map(Deployment::id).toList());
        assertFalse(store.putDeployments("not-cached", deployments));
        assertEquals(List.of(), store.deployments("not-cached"));
    }

    @Test
    void theIndexIsReusedUntilADeviceChanges() {
        store.replaceDevices(TestFleet.generate(20, 10));
        FleetIndex first = store.index();
        assertSame(first, store.index());
        store.putDeployments(first.devices().get(0).id(), List.of());
        assertSame(first, store.index());
        store.deleteDevice(first.devices().get(0).id());
        FleetIndex second = store.index();
        assertNotSame(first, second);
        assertEquals(19, second.size());
    }

    @Test
    void sortsMatchTheComparatorForEveryField() {
        List<Device> fleet = TestFleet.generate(500, 12);
        store.replaceDevices(fleet);
        for (DeviceSort.Field field : DeviceSort.Field.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                DeviceSort sort = new DeviceSort(field, descending);
                Comparator<Device> comparator = sort.comparator();
                List<String> expected = fleet.stream().sorted(comparator).map(Device::id).toList();
                assertEquals(expected, store.matchingIds(DeviceQuery.EMPTY, sort), sort::toString);
            }
        }
    }
}
