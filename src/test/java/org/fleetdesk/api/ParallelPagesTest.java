package org.fleetdesk.api;

import static org.fleetdesk.api.MockApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class ParallelPagesTest {
    private static final int PAGES = 9;

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    /** Serves PAGES pages of one device each, slowly enough for requests to overlap; page 0 answers 404. */
    private void serveDevicePages(int failingPage) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                    int page = Integer.parseInt(request.getUrl().queryParameter("page"));
                    if (page == failingPage) {
                        return json(404, "{\"message\":\"Not found\"}");
                    }
                    return json(200, "{\"devices\":[{\"id\":\"d" + page + "\"}],\"meta\":{\"page\":" + page
                            + ",\"per_page\":1,\"total_count\":" + PAGES + ",\"total_pages\":" + PAGES + "}}");
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
    }

    @Test
    void fetchesEveryPageInOrderWithBoundedConcurrencyAndReportsProgress() {
        serveDevicePages(-1);
        ConnectClient client = MockApi.client(server);
        List<String> progress = Collections.synchronizedList(new ArrayList<>());

        List<Device> devices = client.fetchAllPages(page -> client.listDevices(null, page, 1), 3,
                (done, total) -> progress.add(done + "/" + total), () -> false);

        assertEquals(IntStream.rangeClosed(1, PAGES).mapToObj(i -> "d" + i).toList(),
                devices.stream().map(Device::id).toList());
        assertEquals(IntStream.rangeClosed(1, PAGES).mapToObj(i -> i + "/" + PAGES).collect(Collectors.toList()), progress);
        assertTrue(maxInFlight.get() <= 3, "at most 3 requests at a time, saw " + maxInFlight.get());
        assertTrue(maxInFlight.get() >= 2, "pages after the first are fetched in parallel");
        assertEquals(PAGES, server.getRequestCount());
    }

    @Test
    void theFirstFailureIsRethrownAsItsOwnType() {
        serveDevicePages(5);
        ConnectClient client = MockApi.client(server);

        assertThrows(NotFoundException.class, () -> client.fetchAllPages(page -> client.listDevices(null, page, 1), 2,
                PageProgress.NONE, () -> false));
    }

    @Test
    void cancellingStopsFetching() {
        serveDevicePages(-1);
        ConnectClient client = MockApi.client(server);
        AtomicInteger pagesSeen = new AtomicInteger();

        assertThrows(CancellationException.class, () -> client.fetchAllPages(page -> client.listDevices(null, page, 1),
                1, (done, total) -> pagesSeen.set(done), () -> pagesSeen.get() >= 3));

        assertTrue(server.getRequestCount() < PAGES, "stopped after " + server.getRequestCount() + " requests");
    }

    @Test
    void aSinglePageNeedsOneRequest() {
        server.enqueue(json(200, ReferenceExamples.ARTEFACTS));
        ConnectClient client = MockApi.client(server);

        List<Artefact> artefacts = client.fetchAllPages(page -> client.listArtefacts(null, page, 100), 4,
                PageProgress.NONE, () -> false);

        assertEquals(1, artefacts.size());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void pagesStreamLazily() {
        List<Integer> loaded = new ArrayList<>();
        PageLoader<Integer> loader = page -> {
            loaded.add(page);
            return new Page<>(List.of(page), new PageMeta(page, 1, 5, 5));
        };

        assertEquals(List.of(1, 2), Pagination.stream(loader).limit(2).flatMap(p -> p.items().stream()).toList());
        assertEquals(List.of(1, 2), loaded);
        assertEquals(List.of(1, 2, 3, 4, 5), Pagination.collect(loader));
    }
}
