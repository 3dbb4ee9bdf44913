package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.fleetdesk.api.RetryPolicy;
import picocli.CommandLine;

/** Runs the CLI in-process against a MockWebServer, capturing stdout and stderr; checks the token never shows. */
final class CliRun {
    static final String TOKEN = "rporg_cliT0kenUnderTest";

    record Result(int exitCode, String out, String err) {
    }

    private final Map<String, String> variables = new HashMap<>();
    private String stdin = "";

    private CliRun() {
    }

    static CliRun against(MockWebServer server) {
        return against(server.url("/").toString());
    }

    /** The API at {@code baseUrl} with {@link #TOKEN}, and a FLEETDESK_HOME of its own (profiles, caches). */
    static CliRun against(String baseUrl) {
        CliRun run = new CliRun();
        run.variables.put("FLEETDESK_API_URL", baseUrl);
        run.variables.put("FLEETDESK_TOKEN", TOKEN);
        try {
            run.variables.put("FLEETDESK_HOME", Files.createTempDirectory("fleetdesk-cli-test").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run;
    }

    Path home() {
        return Path.of(variables.get("FLEETDESK_HOME"));
    }

    CliRun without(String variable) {
        variables.remove(variable);
        return this;
    }

    CliRun with(String variable, String value) {
        variables.put(variable, value);
        return this;
    }

    CliRun answering(String input) {
        this.stdin = input;
        return this;
    }

    Result run(String... args) {
        RetryPolicy quick = RetryPolicy.builder().maxAttempts(2).baseDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(5)).build();
        CliEnvironment environment = new CliEnvironment(variables,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), quick);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = FleetdeskCommand.commandLine(environment, args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        Result result = new Result(exitCode, out.toString(), err.toString());
        assertFalse(result.out().contains(TOKEN) || result.err().contains(TOKEN), "the token leaked: " + result);
        return result;
    }
}
