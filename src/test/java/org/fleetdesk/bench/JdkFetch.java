package org.fleetdesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.fleetdesk.api.Json;
import org.fleetdesk.sim.SimServer;

/** Fetching every device page with the JDK's HTTP client and no parsing: the benchmarks' baseline without curl. */
final class JdkFetch {
    private JdkFetch() {
    }

    /** One request after the other; the first page tells how many there are. Returns milliseconds. */
    static long pageByPage(SimServer sim, int perPage) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        String first = get(http, sim, 1, perPage);
        int total = Json.mapper().readTree(first).get("meta").get("total_pages").asInt();
        for (int page = 2; page <= total; page++) {
            get(http, sim, page, perPage);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Pages 1 to {@code pages} on {@code threads} threads, bodies discarded. Returns milliseconds. */
    static long parallel(SimServer sim, int pages, int perPage, int threads) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    for (int page; (page = next.getAndIncrement()) <= pages; ) {
                        get(http, sim, page, perPage);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String get(HttpClient http, SimServer sim, int page, int perPage)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/organisation/devices?page=" + page
                + "&per_page=" + perPage)).header("Authorization", "Bearer " + sim.token()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("page " + page + " answered " + response.statusCode());
        }
        return response.body();
    }
}
