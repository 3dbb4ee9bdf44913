package org.fleetdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.cli.CliEnvironment;
import org.fleetdesk.cli.FleetdeskCommand;
import picocli.CommandLine;

/**
 * The {@code fleetdesk} command line of one user against one simulator: run in this JVM (its output readable while it
 * runs), or as a child process that can be killed. Every output is checked for the token and for auth-key secrets.
 */
final class Fleetdesk {
    /** Patient enough for 429s with Retry-After and a 20 % failure rate, quick enough for a test. */
    static final RetryPolicy RETRIES = RetryPolicy.builder().maxAttempts(6).baseDelay(Duration.ofMillis(20))
            .maxDelay(Duration.ofMillis(200)).maxRetryAfter(Duration.ofSeconds(5)).build();

    /** What one command printed and how it ended. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** A command running in this JVM, whose output can be watched as it is written. */
    record Running(CompletableFuture<Result> result, StringWriter out, StringWriter err) {
        String outputSoFar() {
            return out.toString() + err;
        }
    }

    private final Map<String, String> variables;
    private final String token;

    Fleetdesk(String apiUrl, String token, Path home) {
        this.token = token;
        this.variables = Map.of("FLEETDESK_API_URL", apiUrl, "FLEETDESK_TOKEN", token, "FLEETDESK_HOME",
                home.toString());
    }

    Result run(String... args) {
        return start(args).result().join();
    }

    Running start(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Result> result = CompletableFuture.supplyAsync(() -> {
            CliEnvironment environment = new CliEnvironment(variables, new ByteArrayInputStream(new byte[0]), RETRIES);
            CommandLine commandLine = FleetdeskCommand.commandLine(environment, args);
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exit = commandLine.execute(args);
            return checked(new Result(exit, out.toString(), err.toString()));
        }, runnable -> {
            Thread thread = new Thread(runnable, "fleetdesk-cli");
            thread.setDaemon(true);
            thread.start();
        });
        return new Running(result, out, err);
    }

    /** The same command in a new JVM (the jar's main class), its stdout and stderr going to {@code log}. */
    Process launch(Path log, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), "org.fleetdesk.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(variables);
        File file = log.toFile();
        return builder.redirectErrorStream(true).redirectOutput(file).start();
    }

    static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Result checked(Result result) {
        assertFalse(result.all().contains(token), "the token leaked into the output");
        assertFalse(result.all().contains("rpoak_"), "an auth-key secret was printed:\n" + result);
        return result;
    }
}
