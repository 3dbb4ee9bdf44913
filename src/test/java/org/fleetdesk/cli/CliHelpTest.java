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

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }
}
