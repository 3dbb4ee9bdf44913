package org.fleetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fleetdesk.api.Device;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.query.TestFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentUseTest {
    @TempDir
    Path dir;

    @Test
    void readersAlwaysSeeACompleteFleetWhileItIsReplaced() throws Exception {
        List<Device> small = TestFleet.generate(500, 1);
        List<Device> large = TestFleet.generate(1500, 2);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (FleetStore store = FleetStore.open(dir.resolve("cache.sqlite"))) {
            store.replaceDevices(small);
            List<Future<?>> work = new ArrayList<>();
            work.add(pool.submit(() -> {
                for (int i = 0; i < 6; i++) {
                    store.replaceDevices(i % 2 == 0 ? large : small);
                }
            }));
            for (int r = 0; r < 5; r++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        int count = store.count(DeviceQuery.EMPTY);
                        assertTrue(Set.of(500, 1500).contains(count), "saw a half-written fleet of " + count);
                        int indexed = store.index().size();
                        assertTrue(Set.of(500, 1500).contains(indexed), "indexed a half-written fleet of " + indexed);
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(2, TimeUnit.MINUTES);
            }
            assertEquals(500, store.count(DeviceQuery.EMPTY));
            assertEquals(500, store.index().size());
        } finally {
            pool.shutdownNow();
        }
    }
}
