package org.fleetdesk.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.store.FleetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device list that changes while it is paged through: pages can repeat or skip a device, and a skipped device
 * must not be removed from the cache. The server below answers three pages of one device each, and says on each
 * page how many devices it counts.
 */
class FleetSyncConsistencyTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private final AtomicInteger requests = new AtomicInteger();

    /** Serves pages whose {@code total_count} is {@code counts[request number]}, the last one once they run out. */
    private void serve(int... counts) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                int n = requests.getAndIncrement();
                int count = counts[Math.min(n, counts.length - 1)];
                String page = request.getUrl().queryParameter("page");
                return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                        .body("{\"devices\":[{\"id\":\"d" + page + "\",\"name\":\"pi-" + page + "\"}],\"meta\":{\"page\":"
                                + page + ",\"per_page\":1,\"total_count\":" + count + ",\"total_pages\":3}}")
                        .build();
            }
        });
    }

    private SyncReport sync(FleetStore store) {
        ConnectClient client = ConnectClient.builder().baseUrl(server.url("/").toString()).token("rporg_consistency")
                .limiter(RequestLimiter.create(1_000, 1)).retryPolicy(RetryPolicy.none()).build();
        return new FleetSync(client, store, 1).syncDevices(SyncProgress.NONE, () -> false);
    }

    @Test
    void aListThatChangedWhileItWasFetchedIsFetchedAgain() {
        serve(3, 4, 4, 3);
        try (FleetStore store = FleetStore.open(dir.resolve("cache.sqlite"))) {
            SyncReport report = sync(store);

            assertEquals(6, requests.get());
            assertEquals(6, report.pages());
            assertTrue(report.exact());
            assertEquals(List.of("d1", "d2", "d3"), store.matchingIds(DeviceQuery.EMPTY, DeviceSort.BY_NAME));
        }
    }

    @Test
    void aListThatNeverHoldsStillIsKeptAfterThreeFetchesAndTheReportSaysSo() {
        serve(3, 4);
        try (FleetStore store = FleetStore.open(dir.resolve("cache.sqlite"))) {
            SyncReport report = sync(store);

            assertEquals(3 * FleetSync.MAX_FETCHES, requests.get());
            assertFalse(report.exact());
            assertTrue(report.summary().endsWith("the organisation changed during the sync: sync again for an exact copy"),
                    report.summary());
            assertEquals(3, store.count(DeviceQuery.EMPTY));
        }
    }

    @Test
    void aCountThatDisagreesWithWhatWasCollectedIsAChangeToo() {
        serve(4);
        try (FleetStore store = FleetStore.open(dir.resolve("cache.sqlite"))) {
            assertFalse(sync(store).exact());
            assertEquals(3 * FleetSync.MAX_FETCHES, requests.get());
        }
    }

    @Test
    void aPageTheCacheCannotTakeStopsTheSyncAsAWriteFailureAndKeepsThePreviousCache() {
        serve(3);
        try (FleetStore store = FleetStore.open(dir.resolve("cache.sqlite"))) {
            sync(store);
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String page = request.getUrl().queryParameter("page");
                    String id = page.equals("2") ? "" : "\"id\":\"n" + page + "\",";
                    return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                            .body("{\"devices\":[{" + id + "\"name\":\"new-" + page + "\"}],\"meta\":{\"page\":" + page
                                    + ",\"per_page\":1,\"total_count\":3,\"total_pages\":3}}")
                            .build();
                }
            });
            AtomicReference<SyncFailure> failure = new AtomicReference<>();
            SyncProgress progress = new SyncProgress() {
                @Override
                public void update(String resource, int pagesDone, int totalPages) {
                }

                @Override
                public void failed(SyncFailure failed) {
                    failure.set(failed);
                }
            };
            ConnectClient client = ConnectClient.builder().baseUrl(server.url("/").toString()).token("rporg_consistency")
                    .limiter(RequestLimiter.create(1_000, 1)).retryPolicy(RetryPolicy.none()).build();

            assertThrows(IllegalArgumentException.class,
                    () -> new FleetSync(client, store, 1).syncDevices(progress, () -> false));

            assertEquals(SyncFailure.WRITING, failure.get().stage());
            assertEquals("The sync stopped while writing the cache: the cache was not changed.", failure.get().describe());
            assertEquals(List.of("d1", "d2", "d3"), store.matchingIds(DeviceQuery.EMPTY, DeviceSort.BY_NAME));
        }
    }
}
