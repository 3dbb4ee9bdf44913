package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fleetdesk.AppPaths;
import org.fleetdesk.api.RetryPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line built for one command (to start quickly) behaves as the one with every command. */
class CommandTreeTest {
    @TempDir
    static Path home;
    private static CliEnvironment environment;

    @BeforeAll
    static void emptyHome() {
        environment = new CliEnvironment(Map.of(AppPaths.HOME_VARIABLE, home.toString()),
                new ByteArrayInputStream(new byte[0]), RetryPolicy.none());
    }

    private static String[] run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void aNamedCommandGetsOnlyThatCommandAndTheSameAnswers() {
        for (List<String> args : List.of(List.of("devices", "sync", "--help"), List.of("devices", "--help"),
                List.of("devices", "sync", "--concurrency", "0"), List.of("devices", "bogus"),
                List.of("profile", "list", "--bogus"))) {
            String[] argv = args.toArray(String[]::new);
            CommandLine one = FleetdeskCommand.commandLine(environment, argv);
            assertEquals(1, one.getSubcommands().size(), args.toString());
            assertEquals(List.of(run(FleetdeskCommand.commandLine(environment), argv)), List.of(run(one, argv)),
                    args.toString());
        }
    }

    @Test
    void helpOptionsAndUnknownNamesGetEveryCommand() {
        for (String first : List.of("help", "--help", "--version", "devcies")) {
            assertEquals(FleetdeskCommand.SUBCOMMANDS.size(),
                    FleetdeskCommand.commandLine(environment, first).getSubcommands().size(), first);
        }
        assertEquals(FleetdeskCommand.SUBCOMMANDS.size(), FleetdeskCommand.commandLine(environment).getSubcommands().size());
        assertTrue(run(FleetdeskCommand.commandLine(environment, "devcies"), "devcies")[2].contains("devices"));
    }
}
