package org.fleetdesk.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.fleetdesk.api.Device;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The simulator's performance targets on 100,000 devices: a page of 100 (with or without a query) in under 5 ms,
 * at least 1,500 page requests per second from 16 concurrent clients, startup under 3 s. Run with
 * {@code mvn -o -Pbench test -Dtest=SimBenchmark}; prints a table of the figures against the targets.
 */
@Tag("bench")
class SimBenchmark {
    private static final int DEVICES = 100_000;
    private static final int CLIENTS = 16;
    private static final List<String> QUERIES = List.of("tag:kiosk", "model:5 tag:production", "leeds", "kiosk-leeds",
            "4a3", "memory:8gb os:raspios-13", "model:3b+", "tag:production tag:london dashboard", "e", "pos-york-01",
            "model:cm4 model:cm5", "tag:staging signage", "\"point of sale\"", "os:raspios-12 tag:canary", "d9f",
            "gateway manchester", "model:zero2w memory:512mb", "tag:production tag:kiosk tag:leeds", "camera-", "b7");

    @Test
    void measure() throws Exception {
        List<Row> rows = new ArrayList<>();
        long[] startups = new long[3];
        SimServer server = null;
        for (int i = 0; i < startups.length; i++) {
            long started = System.nanoTime();
            SimServer started100k = SimServer.start(SimConfig.builder().devices(DEVICES).seed(42).build());
            startups[i] = System.nanoTime() - started;
            if (server != null) {
                server.stop();
            }
            server = started100k;
        }
        rows.add(new Row("startup with 100,000 devices (first / median of 3)",
                ms(startups[0]) + " / " + ms(median(startups)) + " ms", "< 3000 ms", median(startups) < 3_000_000_000L));
        try (SimServer sim = server) {
            Random random = new Random(1);
            warm(sim, random);
            long[] plain = latencies(sim, i -> path(random, false), 2000);
            long[] repeated = latencies(sim, i -> path(random, true), 2000);
            List<String> fresh = freshQueries(sim, random, 2000);
            long[] unseen = latencies(sim, fresh::get, fresh.size());
            rows.add(latencyRow("page of 100, no query", plain));
            rows.add(latencyRow("page of 100, query from a corpus of " + QUERIES.size(), repeated));
            rows.add(latencyRow("page of 100, query never asked before", unseen));
            double raw = throughput(sim, 10, false);
            rows.add(new Row(CLIENTS + " clients, raw keep-alive sockets, mixed pages", String.format(Locale.ROOT, "%.0f req/s", raw),
                    ">= 1500 req/s", raw >= 1500));
            double jdk = throughput(sim, 10, true);
            rows.add(new Row(CLIENTS + " clients, java.net.http, mixed pages", String.format(Locale.ROOT, "%.0f req/s", jdk),
                    ">= 1500 req/s", jdk >= 1500));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-55s %-22s %-15s %s%n", "simulator, " + Runtime.getRuntime().availableProcessors()
                + " cores", "measured", "target", "met");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%-55s %-22s %-15s %s%n", row.name, row.measured, row.target, row.met ? "yes" : "NO");
        }
        System.out.println();
    }

    private record Row(String name, String measured, String target, boolean met) {
    }

    private static void warm(SimServer sim, Random random) throws IOException {
        try (RawClient client = new RawClient(sim)) {
            for (int i = 0; i < 3000; i++) {
                client.get(path(random, i % 2 == 0));
            }
        }
    }

    private static Row latencyRow(String name, long[] samples) {
        return new Row(name + ": median / p95", ms(median(samples)) + " / " + ms(p95(samples)) + " ms", "< 5 ms",
                median(samples) < 5_000_000);
    }

    /** Queries made of a fragment of a real device name, a serial fragment and sometimes a qualifier: all distinct. */
    private static List<String> freshQueries(SimServer sim, Random random, int count) {
        List<Device> devices = sim.organisation().devices();
        Set<String> queries = new LinkedHashSet<>();
        while (queries.size() < count) {
            Device device = devices.get(random.nextInt(devices.size()));
            String name = device.name();
            int start = random.nextInt(Math.max(1, name.length() - 4));
            StringBuilder query = new StringBuilder(name.substring(start, Math.min(name.length(), start + 3 + random.nextInt(5))));
            if (random.nextBoolean()) {
                int at = random.nextInt(14);
                query.append(' ').append(device.serialNumber(), at, at + 2);
            }
            if (random.nextBoolean() && !device.tags().isEmpty()) {
                query.append(" tag:").append(device.tags().get(random.nextInt(device.tags().size())));
            }
            queries.add(query.toString());
        }
        return queries.stream().map(q -> "/organisation/devices?query="
                + URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20")).toList();
    }

    /** One client, one request at a time: the time from sending the request to having read the whole answer. */
    private static long[] latencies(SimServer sim, IntFunction<String> paths, int count) throws IOException {
        long[] samples = new long[count];
        try (RawClient client = new RawClient(sim)) {
            for (int i = 0; i < count; i++) {
                String path = paths.apply(i);
                long started = System.nanoTime();
                client.get(path);
                samples[i] = System.nanoTime() - started;
            }
        }
        return samples;
    }

    private static double throughput(SimServer sim, int seconds, boolean jdkClient) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong done = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(CLIENTS);
        HttpClient shared = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Throwable> failures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(c);
            Thread thread = new Thread(() -> {
                try (RawClient raw = jdkClient ? null : new RawClient(sim)) {
                    while (running.get()) {
                        String path = path(random, random.nextBoolean());
                        if (jdkClient) {
                            HttpResponse<byte[]> response = shared.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                                    .header("Authorization", "Bearer " + sim.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
                            check(response.statusCode());
                        } else {
                            raw.get(path);
                        }
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    finished.countDown();
                }
            });
            thread.start();
        }
        Thread.sleep(1000);
        long before = done.get();
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long count = done.get() - before;
        double elapsed = (System.nanoTime() - started) / 1e9;
        running.set(false);
        finished.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("client failed", failures.get(0));
        }
        return count / elapsed;
    }

    private static String path(Random random, boolean withQuery) {
        if (!withQuery) {
            return "/organisation/devices?page=" + (1 + random.nextInt(DEVICES / 100));
        }
        String query = QUERIES.get(random.nextInt(QUERIES.size()));
        return "/organisation/devices?page=" + (1 + random.nextInt(2)) + "&query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void check(int status) {
        if (status != 200) {
            throw new IllegalStateException("status " + status);
        }
    }

    private static long median(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long p95(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[(int) (sorted.length * 0.95)];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    /** A minimal HTTP/1.1 keep-alive client: sends a GET, reads the status, headers and the Content-Length body. */
    private static final class RawClient implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final String token;

        RawClient(SimServer sim) throws IOException {
            socket = new Socket("127.0.0.1", sim.port());
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            token = sim.token();
        }

        void get(String path) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            check(Integer.parseInt(status.substring(9, 12)));
            int length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).strip());
                }
            }
            if (in.readNBytes(length).length != length) {
                throw new IOException("short body");
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
