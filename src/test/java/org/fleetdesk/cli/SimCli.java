package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.sim.SimServer;
import picocli.CommandLine;

/** Runs the CLI in-process against an in-process simulator, capturing stdout and stderr; the token never shows. */
final class SimCli {
    private final SimServer server;
    private final Path home;

    SimCli(SimServer server, Path home) {
        this.server = server;
        this.home = home;
    }

    CliRun.Result run(String... args) {
        RetryPolicy quick = RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(5))
                .maxDelay(Duration.ofMillis(50)).build();
        CliEnvironment environment = new CliEnvironment(Map.of("FLEETDESK_API_URL", server.baseUrl(),
                "FLEETDESK_TOKEN", server.token(), "FLEETDESK_HOME", home.toString()),
                new ByteArrayInputStream(new byte[0]), quick);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = FleetdeskCommand.commandLine(environment, args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        CliRun.Result result = new CliRun.Result(commandLine.execute(args), out.toString(), err.toString());
        assertFalse(result.out().contains(server.token()) || result.err().contains(server.token()),
                "the token leaked: " + result);
        return result;
    }
}
