package org.fleetdesk.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.fleetdesk.AppPaths;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.sim.SimServer;
import picocli.CommandLine;

/**
 * {@code fleetdesk sim --self-test}: the everyday commands, run in this process against a simulator it started, with a
 * home folder of their own that is deleted afterwards. Proves an installation works without a network or a token, and
 * is the run the Linux packages record their class-data archive from (see installer/linux/integrate.sh), so it
 * exercises what a command-line session loads: a sync, an offline and an online search, and the provisioning lists.
 */
final class SelfTest {
    static final List<List<String>> COMMANDS = List.of(
            List.of("devices", "sync"),
            List.of("devices", "list", "--offline", "--query", "tag:production model:5", "--format", "json"),
            List.of("devices", "list", "--query", "model:4b kiosk", "--format", "csv"),
            List.of("auth-keys", "list"),
            List.of("identities", "list"),
            List.of("artefacts", "list"),
            List.of("activity"));

    private SelfTest() {
    }

    /** Runs {@link #COMMANDS} against {@code server}, reporting each on {@code out}; 0 when every one succeeded. */
    static int run(SimServer server, PrintWriter out, RetryPolicy retryPolicy) {
        Path home = temporaryHome();
        try {
            CliEnvironment environment = new CliEnvironment(Map.of("FLEETDESK_API_URL", server.baseUrl(),
                    "FLEETDESK_TOKEN", server.token(), AppPaths.HOME_VARIABLE, home.toString()),
                    new ByteArrayInputStream(new byte[0]), retryPolicy);
            int failed = 0;
            for (List<String> command : COMMANDS) {
                String[] args = command.toArray(String[]::new);
                StringWriter err = new StringWriter();
                CommandLine line = FleetdeskCommand.commandLine(environment, args);
                line.setOut(new PrintWriter(Writer.nullWriter())).setErr(new PrintWriter(err));
                long started = System.nanoTime();
                int exit = line.execute(args);
                String took = String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - started) / 1e9);
                if (exit == 0) {
                    out.println("ok      fleetdesk " + String.join(" ", command) + " (" + took + ")");
                } else {
                    failed++;
                    out.println("FAILED  fleetdesk " + String.join(" ", command) + " (exit " + exit + "): "
                            + err.toString().strip());
                }
                out.flush();
            }
            out.println(failed == 0 ? "Self-test passed: " + COMMANDS.size() + " commands against the simulator."
                    : "Self-test failed: " + failed + " of " + COMMANDS.size() + " commands.");
            return failed == 0 ? ExitCodes.OK : ExitCodes.UNEXPECTED;
        } finally {
            deleteQuietly(home);
        }
    }

    private static Path temporaryHome() {
        try {
            return Files.createTempDirectory("fleetdesk-self-test");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary folder for the self-test: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless; the result of the test is what matters.
        }
    }
}
