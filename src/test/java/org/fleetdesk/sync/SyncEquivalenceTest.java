package org.fleetdesk.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.PageProgress;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.store.FleetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One search language online and offline: a seeded fleet of a few thousand devices is synced into the cache, then
 * 300 random queries built from the fleet's own values each go to the simulator ({@code query=}, every page) and to
 * the cache. Both must return the same devices in the same order.
 */
class SyncEquivalenceTest {
    private static final int QUERIES = 300;

    @TempDir
    Path dir;

    @Test
    void randomQueriesFindTheSameDevicesInTheApiAndInTheCache() throws IOException {
        try (SimServer sim = SimServer.start(SimConfig.builder().devices(3_000).seed(20_260_104L).build());
             FleetStore store = FleetStore.open(dir.resolve("cache.sqlite"))) {
            ConnectClient client = SimOrganisation.client(sim, RetryPolicy.none());
            new FleetSync(client, store).syncAll(SyncProgress.NONE, () -> false);
            QueryCorpus corpus = new QueryCorpus(sim.organisation().devices(), 4_2L);

            List<String> disagreements = new ArrayList<>();
            int answered = 0;
            for (int i = 0; i < QUERIES; i++) {
                String query = corpus.next();
                List<String> online = client.fetchAllPages(p -> client.listDevices(query, p, 100), 8,
                        PageProgress.NONE, () -> false).stream().map(Device::id).toList();
                List<String> offline = store.matchingIds(QueryParser.parse(query), DeviceSort.BY_NAME);
                if (!online.equals(offline)) {
                    disagreements.add("[" + query + "] API " + online.size() + " devices, cache " + offline.size());
                }
                answered += online.isEmpty() ? 0 : 1;
            }

            assertEquals(List.of(), disagreements);
            assertTrue(answered >= QUERIES / 3, "too few queries match anything to prove much: " + answered);
        }
    }
}
