package org.fleetdesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.Json;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 300 auth keys with one {@code <name>.key} file each, against the simulator at 25 ms latency. Baseline: the documented
 * shell loop (one {@code curl} per device piped into {@code jq}, recovered-details.md), run by bash; when curl or jq is
 * missing it is emulated by the same sequential requests from Java, and the output says so. Fleetdesk:
 * {@code java -jar target/fleetdesk.jar auth-keys create --names … --out-dir …}, JVM start included, with its bulk
 * defaults and, for comparison, with the single-command limiter (4 in flight, 10 per second). Every file of every run
 * is checked against the simulator's keys. Build the jar first: {@code mvn -o -q package -DskipTests}.
 */
@Tag("bench")
class BulkAuthKeysBenchmark {
    private static final int KEYS = 300;
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final Path JAR = Path.of("target/fleetdesk.jar");
    private static final String SHELL_LOOP = """
            for DEVICE in $(cat names.txt); do
              SECRET=$(curl --silent --fail \\
                --header "Authorization: Bearer $TOKEN" \\
                --data-urlencode "description=${DEVICE}" \\
                --data-urlencode "device_name=${DEVICE}" \\
                --data-urlencode "tags[]=production" \\
                "$API/organisation/auth-keys" | jq -r '.secret')
              [ -z "${SECRET}" ] && { echo "Failed for ${DEVICE}" >&2; continue; }
              echo "${SECRET}" > "${DEVICE}.key"
            done
            """;

    @TempDir
    Path dir;

    @Test
    void threeHundredKeysWithKeyFiles() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "build the jar first: mvn -o -q package -DskipTests");
        boolean realShell = onPath("curl") && onPath("jq") && onPath("bash");
        try (SimServer server = SimServer.start(SimConfig.builder().devices(0).seed(42).latencyMs(25).build())) {
            List<Long> baseline = new ArrayList<>();
            List<Long> fleetdesk = new ArrayList<>();
            List<Long> singleLimiter = new ArrayList<>();
            List<Long> launched = new ArrayList<>();
            List<String> launcherOptions = CliLauncher.javaOptions(JAR.toAbsolutePath());
            for (int run = 0; run < RUNS; run++) {
                String shell = "shell" + run;
                String bulk = "bulk" + run;
                String slow = "slow" + run;
                String asLaunched = "launched" + run;
                baseline.add(timed(server, shell, out -> shellLoop(server, out, shell, realShell)));
                fleetdesk.add(timed(server, bulk, out -> fleetdesk(server, out, bulk, List.of())));
                launched.add(timed(server, asLaunched, out -> fleetdesk(server, out, asLaunched, launcherOptions)));
                singleLimiter.add(timed(server, slow, out -> fleetdesk(server, out, slow, List.of(),
                        "--concurrency", "4", "--rate", "10")));
            }
            long base = median(baseline);
            long fast = median(fleetdesk);
            long limited = median(singleLimiter);
            long asLaunchedMedian = median(launched);
            System.out.printf("%d auth keys with .key files, simulator at 25 ms latency, medians of %d runs:%n"
                            + "  baseline (%s): %d ms %s%n"
                            + "  Fleetdesk CLI (JVM start included, --concurrency 16 --rate 200, the bulk defaults): %d ms %s,"
                            + " ratio %.1fx%n"
                            + "  the same as fleetdesk-cli launches it (java %s): %d ms %s, ratio %.1fx%n"
                            + "  Fleetdesk CLI with the single-command limiter (--concurrency 4 --rate 10): %d ms %s,"
                            + " ratio %.1fx%n",
                    KEYS, RUNS, realShell ? "documented curl | jq loop, run by bash" : "EMULATED: curl or jq missing,"
                            + " same sequential requests from Java", base, baseline, fast, fleetdesk,
                    (double) base / fast, String.join(" ", launcherOptions), asLaunchedMedian, launched,
                    (double) base / asLaunchedMedian, limited, singleLimiter, (double) base / limited);
        }
    }

    @FunctionalInterface
    private interface Provisioning {
        void run(Path out) throws Exception;
    }

    private long timed(SimServer server, String prefix, Provisioning provisioning) throws Exception {
        Path out = Files.createDirectories(dir.resolve(prefix));
        Files.writeString(out.resolve("names.txt"), String.join("\n", names(prefix)) + "\n");
        long start = System.nanoTime();
        provisioning.run(out);
        long millis = (System.nanoTime() - start) / 1_000_000;
        verify(server, out, prefix);
        return millis;
    }

    private static void shellLoop(SimServer server, Path out, String prefix, boolean realShell) throws Exception {
        if (realShell) {
            Files.writeString(out.resolve("loop.sh"), SHELL_LOOP);
            run(out, Map.of("TOKEN", server.token(), "API", server.baseUrl()), "bash", "loop.sh");
            return;
        }
        for (String device : names(prefix)) {
            // a new client per device: like curl, each request opens its own connection
            HttpClient curl = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String form = "description=" + enc(device) + "&device_name=" + enc(device) + "&tags%5B%5D=production";
            HttpResponse<String> response = curl.send(HttpRequest.newBuilder(
                            URI.create(server.baseUrl() + "/organisation/auth-keys"))
                    .header("Authorization", "Bearer " + server.token())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                Files.writeString(out.resolve(device + ".key"),
                        Json.mapper().readTree(response.body()).get("secret").asText() + "\n");
            }
        }
    }

    private static void fleetdesk(SimServer server, Path out, String prefix, List<String> jvmOptions, String... options)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "auth-keys", "create", "--names",
                prefix + "-{001..300}", "--tag", "production", "--out-dir", out.toString()));
        command.addAll(List.of(options));
        run(out, Map.of("FLEETDESK_API_URL", server.baseUrl(), "FLEETDESK_TOKEN", server.token(),
                "FLEETDESK_HOME", out.resolve("home").toString()), command.toArray(String[]::new));
    }

    private static void run(Path workingDir, Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectOutput(workingDir.resolve("stdout.txt").toFile())
                .redirectError(workingDir.resolve("stderr.txt").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "timed out: " + String.join(" ", command));
        assertEquals(0, process.exitValue(), () -> read(workingDir.resolve("stderr.txt")));
    }

    /** Every name has its file, holding the secret of the one key with that name, and a newline. */
    private static void verify(SimServer server, Path out, String prefix) throws IOException {
        Map<String, List<AuthKey>> byName = server.organisation().authKeys().stream()
                .filter(k -> k.description().startsWith(prefix + "-"))
                .collect(Collectors.groupingBy(AuthKey::description));
        assertEquals(KEYS, byName.size(), prefix);
        for (String name : names(prefix)) {
            assertEquals(1, byName.get(name).size(), name);
            assertEquals(byName.get(name).get(0).secret() + "\n", Files.readString(out.resolve(name + ".key")), name);
        }
    }

    private static List<String> names(String prefix) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= KEYS; i++) {
            names.add(String.format("%s-%03d", prefix, i));
        }
        return names;
    }

    private static boolean onPath(String program) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + program).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
