package org.fleetdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.PageProgress;
import org.fleetdesk.api.RequestLimiter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Listing a 3,000-device organisation (30 pages of 100) from a server that takes 100 ms per answer. Baseline: pages
 * one after the other, as a curl loop over {@code page=} does. Fleetdesk: the parallel fetch, under the default
 * per-organisation limiter (10 requests/s, 4 at a time).
 */
@Tag("bench")
class PagingBench {
    private static final int PAGES = 30;
    private static final int PER_PAGE = 100;
    private static final int RUNS = 5;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void parallelPagingAgainstSequentialPaging() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                int page = Integer.parseInt(request.getUrl().queryParameter("page"));
                return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                        .headersDelay(100, TimeUnit.MILLISECONDS).body(devicesPage(page)).build();
            }
        });
        String url = server.url("/").toString();
        ConnectClient unthrottled = ConnectClient.builder().baseUrl(url).token("rporg_bench")
                .limiter(RequestLimiter.create(1000, 1)).build();
        ConnectClient fleetdesk = ConnectClient.builder().baseUrl(url).token("rporg_bench").build();
        ConnectClient faster = ConnectClient.builder().baseUrl(url).token("rporg_bench")
                .limiter(RequestLimiter.create(40, 4)).build();

        long baseline = medianMillis(() -> unthrottled.listAllDevices(null));
        long parallel = medianMillis(() -> parallel(fleetdesk));
        long parallelFaster = medianMillis(() -> parallel(faster));

        System.out.printf("list %d devices (%d pages, 100 ms per answer), medians of %d: baseline sequential %d ms;"
                + " Fleetdesk parallel, default limiter (10/s) %d ms, ratio %.1fx; limiter 40/s %d ms, ratio %.1fx%n",
                PAGES * PER_PAGE, PAGES, RUNS, baseline, parallel, (double) baseline / parallel, parallelFaster,
                (double) baseline / parallelFaster);
    }

    private static List<Device> parallel(ConnectClient client) {
        return client.fetchAllPages(p -> client.listDevices(null, p, PER_PAGE), 4, PageProgress.NONE, () -> false);
    }

    private static long medianMillis(Supplier<List<Device>> listing) {
        List<Long> times = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            assertEquals(PAGES * PER_PAGE, listing.get().size());
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(times);
        return times.get(RUNS / 2);
    }

    private static String devicesPage(int page) {
        StringBuilder json = new StringBuilder("{\"devices\":[");
        for (int i = 0; i < PER_PAGE; i++) {
            int n = (page - 1) * PER_PAGE + i;
            json.append(i == 0 ? "" : ",").append("{\"id\":\"device-").append(n).append("\",\"name\":\"pi-").append(n)
                    .append("\",\"serial_number\":\"").append(Integer.toHexString(n)).append("\",\"tags\":[\"kiosk\"],")
                    .append("\"board\":{\"model\":\"Raspberry Pi 5\",\"revision\":\"1.0\",\"memory\":\"8 GB\"},")
                    .append("\"os\":{\"name\":\"Raspberry Pi OS\",\"version\":\"13 (Trixie)\"},")
                    .append("\"kernel_architecture\":\"aarch64\",\"filters\":{\"model\":\"5\",\"memory\":\"8gb\"}}");
        }
        return json.append("],\"meta\":{\"page\":").append(page).append(",\"per_page\":").append(PER_PAGE)
                .append(",\"total_count\":").append(PAGES * PER_PAGE).append(",\"total_pages\":").append(PAGES)
                .append("}}").toString();
    }
}
