package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fleetdesk.api.RetryPolicy;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliHelpTest {
    private static final CommandLine ROOT = FleetdeskCommand.commandLine(
            new CliEnvironment(Map.of(), new ByteArrayInputStream(new byte[0]), RetryPolicy.none()));

    @Test
    void everyCommandHasHelpWithAnExampleAndTheExitCodes() {
        List<CommandLine> all = new ArrayList<>();
        collect(ROOT, all);

        for (CommandLine command : all) {
            if (command.getCommandName().equals("help")) {
                continue;
            }
            String usage = command.getUsageMessage();
            String name = command.getCommandSpec().qualifiedName();
            assertTrue(usage.contains("Example"), name + " has no example");
            assertTrue(usage.contains("--help"), name + " has no --help");
            assertTrue(usage.contains("3   the token was refused"), name + " lists no exit codes");
        }
        assertTrue(all.size() >= 26, "commands found: " + all.size());
    }

    @Test
    void theDocumentedCommandsExist() {
        List<String> names = new ArrayList<>();
        List<CommandLine> all = new ArrayList<>();
        collect(ROOT, all);
        all.forEach(c -> names.add(c.getCommandSpec().qualifiedName(" ")));

        for (String expected : List.of("fleetdesk devices list", "fleetdesk devices delete", "fleetdesk auth-keys create",
                "fleetdesk auth-keys list", "fleetdesk auth-keys show", "fleetdesk auth-keys update",
                "fleetdesk auth-keys delete", "fleetdesk identities register", "fleetdesk identities payload-digest",
                "fleetdesk identities list", "fleetdesk identities show", "fleetdesk identities update",
                "fleetdesk identities delete", "fleetdesk artefacts list", "fleetdesk artefacts create",
                "fleetdesk artefacts delete", "fleetdesk deployments create", "fleetdesk deployments list",
                "fleetdesk deployments show", "fleetdesk deployments cancel")) {
            assertTrue(names.contains(expected), expected + " missing from " + names);
        }
    }

    @Test
    void helpExitsWithZero() {
        assertEquals(0, FleetdeskCommand.commandLine(new CliEnvironment(Map.of(), new ByteArrayInputStream(new byte[0]),
                RetryPolicy.none())).setOut(new java.io.PrintWriter(java.io.Writer.nullWriter()))
                .execute("identities", "register", "--help"));
    }

    /** What a person sees is the same whether the process builds the whole command line or only the command named. */
    @Test
    void theCommandLineBuiltForOneCommandBehavesAsTheWholeOne() {
        List<CommandLine> all = new ArrayList<>();
        collect(ROOT, all);
        int compared = 0;
        for (CommandLine command : all) {
            List<String> path = new ArrayList<>(List.of(command.getCommandSpec().qualifiedName(" ").split(" ")));
            path.remove(0);
            for (String last : List.of("--help", "--no-such-option")) {
                List<String> args = new ArrayList<>(path);
                args.add(last);
                String[] argv = args.toArray(String[]::new);
                assertEquals(execute(FleetdeskCommand.commandLine(environment()), argv),
                        execute(FleetdeskCommand.commandLine(environment(), argv), argv), String.join(" ", argv));
                compared++;
            }
        }
        assertEquals(1, FleetdeskCommand.commandLine(environment(), "devices", "sync").getSubcommands().values()
                .stream().distinct().count(), "only the named command is built");
        assertTrue(compared >= 52, "compared " + compared);
    }

    private static CliEnvironment environment() {
        return new CliEnvironment(Map.of(), new ByteArrayInputStream(new byte[0]), RetryPolicy.none());
    }

    private static String execute(CommandLine commandLine, String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        commandLine.setOut(new java.io.PrintWriter(out, true)).setErr(new java.io.PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return exit + "\n" + out + "\n---\n" + err;
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }
}
