package org.fleetdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;
import org.fleetdesk.api.Device;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.query.FleetIndex;
import org.fleetdesk.query.QueryMatcher;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.query.TestFleet;
import org.fleetdesk.store.FleetStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline search on 100,000 cached devices, and writing them to the cache.
 * Run: {@code mvn -o -Pbench test -Dtest=OfflineSearchBenchmark}.
 * <p>
 * Per query, what the GUI does on a keystroke: the count and the ordered ids of every match (for its virtualised
 * table), from {@link FleetStore#index()}. Baseline: the same answer by filtering the 100,000 devices (already in
 * name order) with {@link QueryMatcher}. Also shown: the store's SQL path (count + first page of 100, what a CLI
 * command does) and facet counts (for charts and completions).
 */
@Tag("bench")
class OfflineSearchBenchmark {
    private static final int DEVICES = 100_000;
    private static final int ROUNDS = 15;
    private static final List<String> CORPUS = List.of(
            // single qualifiers
            "model:5", "model:4b", "model:3b+", "model:cm4", "model:zero2w", "memory:8gb", "memory:4gb",
            "memory:512mb", "os:raspios-13", "os:raspios-12", "tag:production", "tag:kiosk", "tag:point-of-sale",
            "tag:leeds", "tag:london", "tag:lab", "tag:canary",
            // combinations
            "model:5 tag:production", "model:5 tag:production dashboard", "tag:production tag:kiosk",
            "model:4b memory:8gb os:raspios-13", "model:5 model:cm5 tag:leeds", "memory:16gb tag:staging",
            "os:raspios-12 tag:kiosk tag:london", "model:zero2w tag:signage", "model:cm4 tag:warehouse tag:production",
            "tag:kiosk tag:leeds model:5", "model:3b+ memory:1gb os:raspios-12 tag:staging",
            // short free text (typing, keystroke by keystroke)
            "k", "ki", "kio", "kios", "kiosk", "pos", "lee", "york", "014", "7", "a3",
            // long free text
            "kiosk-leeds-014", "dashboard-york", "signage-bristol-2", "gateway-glasgow", "\"Reception Display\"",
            "sensor-cardiff-99", "camera-hull-123",
            // serial fragments
            "4a37", "7a37", "c4d4", "00ff", "beef", "deadbeef", "e1f0a",
            // qualifiers with text
            "tag:production leeds", "model:5 4a37", "kiosk tag:canary", "os:raspios-13 dash", "memory:8gb camera-hull",
            "tag:point-of-sale pos-london",
            // misses
            "model:6", "tag:nonexistent", "zzzz", "kiosk-unknown-place");

    @TempDir
    Path dir;

    @Test
    void offlineSearchOn100000Devices() throws IOException {
        Path file = dir.resolve("cache.sqlite");
        List<String> writes = writeTheCache(file);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        FleetStore[] opened = new FleetStore[1];
        String open = timed(() -> opened[0] = FleetStore.open(file));
        try (FleetStore store = opened[0]) {
            System.gc();
            long heapWithoutIndex = memory.getHeapMemoryUsage().getUsed();
            String indexBuild = timed(store::index);
            FleetIndex index = store.index();
            System.gc();
            long indexHeap = memory.getHeapMemoryUsage().getUsed() - heapWithoutIndex;
            List<Device> byName = index.devices();
            List<DeviceQuery> queries = CORPUS.stream().map(QueryParser::parse).toList();
            for (DeviceQuery q : queries) {
                assertEquals(byName.stream().filter(QueryMatcher.of(q)).map(Device::id).toList(),
                        index.matchingIds(q, DeviceSort.BY_NAME), q::toString);
            }
            double[] baseline = measure(queries, q -> byName.stream().filter(QueryMatcher.of(q)).map(Device::id)
                    .toList().size());
            double[] fleetdesk = measure(queries, q -> {
                List<String> ids = index.matchingIds(q, DeviceSort.BY_NAME);
                return ids.size() + (ids.isEmpty() ? 0 : ids.get(ids.size() - 1).length());
            });
            double[] sql = measure(queries, q -> store.count(q) + store.search(q, DeviceSort.BY_NAME, 0, 100).size());
            double[] facets = measure(queries, q -> index.facets(q).total());

            System.out.printf(Locale.ROOT, "%nOffline search: %,d cached devices, %d queries x %d rounds, load"
                    + " average %s on %d cores%n", DEVICES, queries.size(), ROUNDS, loadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-52s %9s %9s %9s %8s%n", "", "median", "p99", "max", "ratio");
            row("baseline: QueryMatcher filter over 100,000 in memory", baseline, baseline);
            row("Fleetdesk index: count + ordered ids (GUI)", fleetdesk, baseline);
            row("Fleetdesk SQL: count + first page of 100 (CLI)", sql, baseline);
            row("Fleetdesk index: facet counts (charts, completion)", facets, baseline);
            System.out.println("slowest on the SQL path (median of 5 each): " + slowest(queries,
                    q -> store.count(q) + store.search(q, DeviceSort.BY_NAME, 0, 100).size()));
            System.out.println();
            writes.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "open with quick_check: %s; index() build from the cache: %s,"
                    + " %,d MB of heap (the devices and their index)%n", open, indexBuild, indexHeap >> 20);
        }
    }

    /** Writes 100,000 devices into an empty cache, then two resyncs; returns the report lines. */
    private static List<String> writeTheCache(Path file) throws IOException {
        List<Device> fleet = TestFleet.generate(DEVICES, 2024);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long vmHwmBefore = vmHwmKb();
        String replace;
        long peakHeap;
        try (FleetStore store = FleetStore.open(file); HeapSampler sampler = new HeapSampler(memory)) {
            replace = timed(() -> store.replaceDevices(fleet));
            peakHeap = sampler.peak();
        }
        long vmHwmAfter = vmHwmKb();
        long fileMb = Files.size(file) / (1024 * 1024);
        List<Device> resync = resync(fleet, new Random(9));
        String changed;
        String unchanged;
        try (FleetStore store = FleetStore.open(file)) {
            changed = timed(() -> store.replaceDevices(resync));
            unchanged = timed(() -> store.replaceDevices(resync));
        }
        return List.of(String.format(Locale.ROOT, "replaceDevices(%,d) into an empty cache: %s; heap: %,d MB live"
                        + " before (the devices), peak %,d MB during; process peak RSS %,d -> %,d MB; file %,d MB",
                        DEVICES, replace, heapBefore >> 20, peakHeap >> 20, vmHwmBefore >> 10, vmHwmAfter >> 10, fileMb),
                String.format(Locale.ROOT, "replaceDevices resync (1,000 changed, 500 gone, 500 new): %s;"
                        + " unchanged resync: %s", changed, unchanged));
    }

    /** Wall time and this thread's CPU time (less disturbed by other processes on a busy machine). */
    private static String timed(Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        work.run();
        return String.format(Locale.ROOT, "%,d ms (CPU %,d ms)", (System.nanoTime() - wall) / 1_000_000,
                (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
    }

    private static List<Device> resync(List<Device> fleet, Random random) {
        List<Device> next = new ArrayList<>(fleet.subList(500, fleet.size()));
        for (int i = 0; i < 1000; i++) {
            int at = random.nextInt(next.size());
            Device d = next.get(at);
            next.set(at, new Device(d.id(), d.name() + "-b", d.serialNumber(), List.of("lab"), d.board(), d.os(),
                    d.kernelArchitecture(), d.filters()));
        }
        next.addAll(TestFleet.generate(500, 77));
        return next;
    }

    /** Milliseconds of every run: a few warm-up rounds, then {@link #ROUNDS} rounds over the corpus in random order. */
    /** The five queries {@code search} answers slowest, with their median times. */
    private static String slowest(List<DeviceQuery> queries, ToIntFunction<DeviceQuery> search) {
        record Timed(DeviceQuery query, double medianMillis) {
        }
        List<Timed> timed = new ArrayList<>();
        for (DeviceQuery q : queries) {
            double[] samples = new double[5];
            for (int i = 0; i < samples.length; i++) {
                long t = System.nanoTime();
                search.applyAsInt(q);
                samples[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(samples);
            timed.add(new Timed(q, samples[2]));
        }
        return timed.stream().sorted(java.util.Comparator.comparingDouble(Timed::medianMillis).reversed()).limit(5)
                .map(t -> String.format(Locale.ROOT, "'%s' %.1f ms", t.query(), t.medianMillis()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static double[] measure(List<DeviceQuery> queries, ToIntFunction<DeviceQuery> search) {
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (DeviceQuery q : queries) {
                sink += search.applyAsInt(q);
            }
        }
        List<DeviceQuery> order = new ArrayList<>(queries);
        double[] samples = new double[ROUNDS * queries.size()];
        int k = 0;
        Random random = new Random(1);
        for (int round = 0; round < ROUNDS; round++) {
            Collections.shuffle(order, random);
            for (DeviceQuery q : order) {
                long t = System.nanoTime();
                sink += search.applyAsInt(q);
                samples[k++] = (System.nanoTime() - t) / 1e6;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        Arrays.sort(samples);
        return samples;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void row(String label, double[] samples, double[] baseline) {
        double median = percentile(samples, 0.5);
        System.out.printf(Locale.ROOT, "%-52s %6.3f ms %6.2f ms %6.1f ms %7.1fx%n", label, median,
                percentile(samples, 0.99), samples[samples.length - 1], percentile(baseline, 0.5) / median);
    }

    private static long vmHwmKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Samples used heap every millisecond on a daemon thread and keeps the highest value seen. */
    private static final class HeapSampler implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapSampler(MemoryMXBean memory) {
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
