package org.fleetdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.NewAuthKey;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.store.FleetStore;

/**
 * {@code devices sync} of 2,500 devices (25 pages, fetched 2 at a time: more than a 20-a-second burst) into a cache that an earlier sync filled and
 * the organisation has since moved away from (devices deleted, keys created).
 */
final class SyncScenario implements Scenario {
    private static final String NEW_KEY = "made after the first sync";

    private Set<String> previousDeviceIds;

    @Override
    public SimConfig.Builder organisation() {
        return SimConfig.builder().devices(2_500).seed(41);
    }

    @Override
    public long interruptibleLatencyMs() {
        return 100;
    }

    @Override
    public void prepare(Cell cell) throws Exception {
        Fleetdesk.Result first = cell.fleetdesk.run(command(cell));
        assertEquals(0, first.exitCode(), "the first sync\n" + first);
        previousDeviceIds = cachedDevices(cell).keySet();
        try (ConnectClient setup = cell.setupClient()) {
            cell.organisation().devices().stream().limit(5).forEach(d -> setup.deleteDevice(d.id()));
            Cell.await("a key is made after the first sync", () -> {
                try {
                    setup.createAuthKey(new NewAuthKey(NEW_KEY, 30, null, List.of()));
                } catch (RuntimeException failedOrAnswerLost) {
                    // the fault hit the setup: the organisation says whether it was made
                }
                return cell.organisation().authKeys().stream().anyMatch(k -> k.description().equals(NEW_KEY));
            });
        }
    }

    @Override
    public String[] command(Cell cell) {
        return new String[] {"devices", "sync", "--concurrency", "2"};
    }

    @Override
    public boolean midRun(Cell cell, String outputSoFar) {
        return outputSoFar.contains("Syncing devices: page 1 of 25");
    }

    @Override
    public String[] completion(Cell cell) {
        return command(cell);
    }

    @Override
    public void assertIntactAfterInterruption(Cell cell) throws Exception {
        assertEquals(previousDeviceIds, cachedDevices(cell).keySet(), "the cache keeps the previous sync");
    }

    @Override
    public void assertComplete(Cell cell) throws Exception {
        try (FleetStore store = FleetStore.open(cell.cacheFile())) {
            assertEquals(byId(cell.organisation().devices(), Device::id), cachedDevices(store),
                    "the cached devices are the organisation's, field for field");
            assertEquals(ids(cell.organisation().authKeys(), AuthKey::id), ids(store.authKeys().all(), AuthKey::id));
            assertEquals(ids(cell.organisation().identities(), DeviceIdentity::id),
                    ids(store.deviceIdentities().all(), DeviceIdentity::id));
            assertEquals(cell.organisation().artefacts(), store.artefacts().all());
            assertEquals(List.of(), store.authKeys().all().stream().filter(k -> k.secret() != null).toList(),
                    "auth-key secrets in the cache");
        }
    }

    @Override
    public String completedOutcome() {
        return "Synced 2495 devices";
    }

    @Override
    public String resumedOutcome() {
        return "Synced 2495 devices \\(0 new, 0 changed, 5 removed\\)";
    }

    private static Map<String, Device> cachedDevices(Cell cell) throws Exception {
        try (FleetStore store = FleetStore.open(cell.cacheFile())) {
            return cachedDevices(store);
        }
    }

    private static Map<String, Device> cachedDevices(FleetStore store) {
        return byId(store.search(DeviceQuery.EMPTY, DeviceSort.BY_NAME, 0, Integer.MAX_VALUE), Device::id);
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> {
            throw new AssertionError("two items with the id " + id.apply(a));
        }, TreeMap::new));
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
