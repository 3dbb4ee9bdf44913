package org.fleetdesk.cli;

import org.fleetdesk.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: {@code fleetdesk <command>}. */
@Command(name = "fleetdesk", mixinStandardHelpOptions = true, versionProvider = FleetdeskCommand.VersionProvider.class,
        description = "Manage a Raspberry Pi Connect organisation from the command line.",
        subcommands = {
                CommandLine.HelpCommand.class,
                SimCommand.class,
        })
public final class FleetdeskCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String... args) {
        return new CommandLine(new FleetdeskCommand()).execute(args);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fleetdesk " + Version.get()};
        }
    }
}
