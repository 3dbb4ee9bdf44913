package org.fleetdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fleetdesk.api.Json;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sync's performance targets (issue 4), against the simulator with 25 ms added to every answer:
 * <ul>
 * <li>a full sync of 50,000 devices by {@code java -jar target/fleetdesk.jar devices sync}, JVM start included,
 * against fetching the same 500 pages one after the other with {@code curl} (one process per page, as a shell loop
 * over {@code page=} does; target: at least 8 times faster) and against fetching them with
 * {@code curl --parallel --parallel-max 16} and no parsing at all (target: at most 2 times slower). Without curl on
 * the PATH, both baselines use the JDK's HTTP client in this JVM instead (one request after the other; 16 threads),
 * and the table says so;</li>
 * <li>the peak resident memory of a 100,000-device sync (target: under 400 MB), measured with
 * {@code /usr/bin/time -f %M}, else by polling the process's {@code VmHWM}; for {@code java -jar} with no options and as
 * {@code fleetdesk-cli} launches it.</li>
 * </ul>
 * Fleetdesk is timed twice: as {@code java -jar} with no options, and with the JVM options of the installed command-line
 * launcher {@code fleetdesk-cli} (the {@code java-options} of {@code installer/fleetdesk-cli.properties}, read from
 * that file, with the class-data archive they name recorded as the Linux package's install script records it: see
 * {@link CliLauncher}; the way the installed program starts, JVM start included). Each sync starts with an empty cache
 * in a fresh {@code FLEETDESK_HOME}. Build the jar first, then run:
 * {@code mvn -o -q package -DskipTests && mvn -o -Pbench test -Dtest=SyncBenchmark}. Prints a table of medians.
 */
@Tag("bench")
class SyncBenchmark {
    private static final long LATENCY_MS = 25;
    private static final int DEVICES = 50_000;
    private static final int MEMORY_DEVICES = 100_000;
    private static final int RUNS = 5;
    private static final int SEQUENTIAL_RUNS = 3;
    private static final int PAGE_SIZE = 100;
    private static final Path JAR = Path.of("target/fleetdesk.jar");

    /** The java-options the installed fleetdesk-cli launcher starts the JVM with. */
    @Test
    void fullSyncAgainstCurlPageByPageAndSixteenParallelConnections() throws Exception {
        requireJar();
        List<String> cliOptions = CliLauncher.javaOptions(JAR);
        boolean curl = curlAvailable();
        try (SimServer sim = SimServer.start(SimConfig.builder().devices(DEVICES).seed(4).latencyMs(LATENCY_MS).build())) {
            int pages = DEVICES / PAGE_SIZE;
            JdkFetch.parallel(sim, pages, PAGE_SIZE, 16); // the simulator serialises each device once, on first use
            fleetdeskSync(sim, DEVICES, List.of());
            long[] sequential = new long[SEQUENTIAL_RUNS];
            long[] parallel = new long[RUNS];
            long[] fleetdesk = new long[RUNS];
            long[] tuned = new long[RUNS];
            long[] fleetdeskCpu = new long[RUNS];
            long[] tunedCpu = new long[RUNS];
            String loadBefore = loadAverage();
            for (int run = 0; run < RUNS; run++) {
                if (run < SEQUENTIAL_RUNS) {
                    sequential[run] = curl ? curlPageByPage(sim) : JdkFetch.pageByPage(sim, PAGE_SIZE);
                }
                parallel[run] = curl ? curlParallel(sim, pages) : JdkFetch.parallel(sim, pages, PAGE_SIZE, 16);
                Sync plain = fleetdeskSync(sim, DEVICES, List.of());
                Sync withOptions = fleetdeskSync(sim, DEVICES, cliOptions);
                fleetdesk[run] = plain.millis();
                fleetdeskCpu[run] = plain.cpuMillis();
                tuned[run] = withOptions.millis();
                tunedCpu[run] = withOptions.cpuMillis();
            }
            long sync = median(fleetdesk);
            long syncTuned = median(tuned);
            System.out.printf(Locale.ROOT, "%nFull sync of %,d devices (%d pages), simulator answering in %d ms + its own"
                    + " time, empty cache each time; medians in ms (load average %s before, %s after)%n", DEVICES, pages,
                    LATENCY_MS, loadBefore, loadAverage());
            System.out.printf(Locale.ROOT, "%-52s %8s %9s %7s %11s %7s  %s%n", "baseline", "baseline", "Fleetdesk",
                    "ratio", "as launched", "ratio", "target");
            long slow = median(sequential);
            System.out.printf(Locale.ROOT, "%-52s %8d %9d %6.1fx %11d %6.1fx  %s%n",
                    (curl ? "curl page by page, a process per page" : "JDK HttpClient page by page (no curl)")
                            + " (" + SEQUENTIAL_RUNS + " runs)", slow, sync, (double) slow / sync, syncTuned,
                    (double) slow / syncTuned, "Fleetdesk >= 8x faster");
            long fast = median(parallel);
            System.out.printf(Locale.ROOT, "%-52s %8d %9d %6.2fx %11d %6.2fx  %s%n",
                    (curl ? "curl --parallel-max 16" : "JDK HttpClient, 16 threads") + ", no parsing (" + RUNS
                            + " runs)", fast, sync, (double) sync / fast, syncTuned, (double) syncTuned / fast,
                    "Fleetdesk <= 2x slower");
            System.out.printf(Locale.ROOT, "Fleetdesk: java -jar %s devices sync, JVM start included: %s; as launched by"
                    + " fleetdesk-cli: java %s -jar ...: %s%n", JAR, Arrays.toString(fleetdesk),
                    String.join(" ", cliOptions), Arrays.toString(tuned));
            System.out.printf(Locale.ROOT, "Fleetdesk processor time (user + system), medians: %d ms; as launched: %d ms"
                    + " (on a busy machine a CPU-bound process waits for its share: wall time grows with the load)%n",
                    median(fleetdeskCpu), median(tunedCpu));
        }
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).split(" ")[0] : "unknown";
    }

    @Test
    void peakMemoryOfAHundredThousandDeviceSync() throws Exception {
        requireJar();
        try (SimServer sim = SimServer.start(SimConfig.builder().devices(MEMORY_DEVICES).seed(5).latencyMs(LATENCY_MS)
                .build())) {
            for (List<String> options : List.of(List.<String>of(), CliLauncher.javaOptions(JAR))) {
                long[] peaks = new long[3];
                long[] times = new long[peaks.length];
                for (int run = 0; run < peaks.length; run++) {
                    Sync sync = fleetdeskSync(sim, MEMORY_DEVICES, options);
                    peaks[run] = sync.peakKilobytes();
                    times[run] = sync.millis();
                }
                long peakMb = median(peaks) / 1024;
                System.out.printf(Locale.ROOT, "%nSync of %,d devices (%s): peak resident memory %d MB (median of %d: %s"
                        + " KB; measured with %s), target < 400 MB: %s; sync times %s ms%n", MEMORY_DEVICES,
                        options.isEmpty() ? "java -jar" : "as launched by fleetdesk-cli", peakMb, peaks.length,
                        Arrays.toString(peaks), usrBinTime() ? "/usr/bin/time" : "VmHWM polling",
                        peakMb < 400 ? "met" : "MISSED", Arrays.toString(times));
            }
        }
    }

    /** A sync's wall time, peak resident memory and processor time (user + system; 0 when not measured). */
    private record Sync(long millis, long peakKilobytes, long cpuMillis) {
    }

    private static Sync fleetdeskSync(SimServer sim, int devices, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("fleetdesk-bench");
        Path rss = home.resolve("rss");
        List<String> command = new ArrayList<>();
        if (usrBinTime()) {
            command.addAll(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", rss.toString()));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "devices", "sync"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(Map.of("FLEETDESK_API_URL", sim.baseUrl(), "FLEETDESK_TOKEN", sim.token(),
                "FLEETDESK_HOME", home.toString()));
        long start = System.nanoTime();
        Process process = builder.start();
        long polledPeak = usrBinTime() ? 0 : pollPeak(process);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(out.startsWith("Synced " + devices + " devices"), out);
        if (!usrBinTime()) {
            return new Sync(millis, polledPeak, 0);
        }
        String[] measured = Files.readString(rss).strip().lines().reduce((a, b) -> b).orElseThrow().split(" ");
        long cpu = Math.round((Double.parseDouble(measured[1]) + Double.parseDouble(measured[2])) * 1000);
        return new Sync(millis, Long.parseLong(measured[0]), cpu);
    }

    /** The highest {@code VmHWM} seen while the process runs (kB), read every 20 ms. */
    private static long pollPeak(Process process) throws InterruptedException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = 0;
        while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peak = Math.max(peak, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } catch (IOException e) {
                return peak;
            }
        }
        return peak;
    }

    /** The documented way: the first page tells how many there are, then one curl per page, one after the other. */
    private static long curlPageByPage(SimServer sim) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String first = curl(sim, List.of(pageUrl(sim, 1)), false);
        int total = Json.mapper().readTree(first).get("meta").get("total_pages").asInt();
        for (int page = 2; page <= total; page++) {
            curl(sim, List.of(pageUrl(sim, page)), false);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long curlParallel(SimServer sim, int pages) throws IOException, InterruptedException {
        List<String> urls = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            urls.add(pageUrl(sim, page));
        }
        long start = System.nanoTime();
        curl(sim, urls, true);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Runs one curl over {@code urls}; the body of a single URL is returned, bodies of several are discarded. */
    private static String curl(SimServer sim, List<String> urls, boolean parallel)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "--silent", "--no-progress-meter", "--show-error", "--fail",
                "--header", "Authorization: Bearer " + sim.token()));
        if (parallel) {
            command.addAll(List.of("--parallel", "--parallel-max", "16"));
        }
        for (String url : urls) {
            command.add(url);
            if (urls.size() > 1) {
                command.addAll(List.of("--output", "/dev/null"));
            }
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String body = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "curl failed");
        return body;
    }

    private static String pageUrl(SimServer sim, int page) {
        return sim.baseUrl() + "/organisation/devices?page=" + page + "&per_page=" + PAGE_SIZE;
    }

    private static void requireJar() {
        assertTrue(Files.isRegularFile(JAR), "Build the jar first: mvn -o -q package -DskipTests");
    }

    private static boolean curlAvailable() throws InterruptedException {
        try {
            Process curl = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
            curl.getInputStream().readAllBytes();
            return curl.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean usrBinTime() {
        return Files.isExecutable(Path.of("/usr/bin/time"));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
