package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.sim.SimServer;
import picocli.CommandLine;

/** Runs the CLI in-process against a simulator, with FLEETDESK_HOME in a temporary folder; checks the token never shows. */
final class RolloutSimCli {
    record Result(int exitCode, String out, String err) {
    }

    private final SimServer sim;
    private final Map<String, String> variables = new HashMap<>();
    private String stdin = "";

    RolloutSimCli(SimServer sim, Path home) {
        this.sim = sim;
        variables.put("FLEETDESK_API_URL", sim.baseUrl());
        variables.put("FLEETDESK_TOKEN", sim.token());
        variables.put("FLEETDESK_HOME", home.toString());
    }

    Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    RolloutSimCli answering(String input) {
        this.stdin = input;
        return this;
    }

    Result run(String... args) {
        RetryPolicy quick = RetryPolicy.builder().maxAttempts(5).baseDelay(Duration.ofMillis(10))
                .maxDelay(Duration.ofMillis(100)).build();
        CliEnvironment environment = new CliEnvironment(variables,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), quick);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = FleetdeskCommand.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        Result result = new Result(exitCode, out.toString(), err.toString());
        assertFalse(result.out().contains(sim.token()) || result.err().contains(sim.token()), "the token leaked: " + result);
        return result;
    }
}
