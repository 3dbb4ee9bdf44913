package org.fleetdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fleetdesk.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: {@code fleetdesk <command>}. */
@Command(name = "fleetdesk", mixinStandardHelpOptions = true, versionProvider = FleetdeskCommand.VersionProvider.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "Manage a Raspberry Pi Connect organisation from the command line.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:anything else, such as a local cache that cannot be read or written (the message says why)",
                "2:bad usage or invalid input (nothing was sent)",
                "3:the token was refused (401)",
                "4:not found (404)",
                "5:any other refusal by the API (400/403/422, its message is printed)",
                "6:network failure, or the service still failing, after retries",
                "7:a rollout was stopped by its failure threshold, or aborted",
        },
        footer = {"%nConnection: FLEETDESK_API_URL (default https://api.connect.raspberrypi.com) and FLEETDESK_TOKEN.",
                "%nExample:", "  export FLEETDESK_TOKEN=rporg_...", "  fleetdesk devices list --format json | jq -r '.[].name'"})
public final class FleetdeskCommand implements Runnable {
    /** The commands, in the order the usage lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            CommandLine.HelpCommand.class,
            ProfileCommand.class,
            ActivityCommand.class,
            DevicesCommand.class,
            AuthKeysCommand.class,
            IdentitiesCommand.class,
            ArtefactsCommand.class,
            DeploymentsCommand.class,
            DeployCommand.class,
            RolloutsCommand.class,
            SimCommand.class);

    private final CliEnvironment environment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The real process's environment. */
    public FleetdeskCommand() {
        this(CliEnvironment.system());
    }

    public FleetdeskCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    CliEnvironment environment() {
        return environment;
    }

    public static int run(String... args) {
        WarmUp.start();
        return commandLine(CliEnvironment.system(), args).execute(args);
    }

    /** The whole command line, every command in it; tests give their own environment and capture output with setOut/setErr. */
    public static CommandLine commandLine(CliEnvironment environment) {
        CommandLine root = new CommandLine(new FleetdeskCommand(environment));
        COMMANDS.forEach(root::addSubcommand);
        return configured(root);
    }

    /**
     * The command line that {@code args} need: only the command they name, whose model picocli then builds alone
     * (the whole tree's reflection took a third of a short command's start). The whole tree when they name none, or
     * {@code help}, since the usage lists every command.
     */
    public static CommandLine commandLine(CliEnvironment environment, String... args) {
        Optional<Class<?>> named = args.length == 0 ? Optional.empty()
                : COMMANDS.stream().filter(command -> command != CommandLine.HelpCommand.class && names(command)
                .contains(args[0])).findFirst();
        if (named.isEmpty()) {
            return commandLine(environment);
        }
        CommandLine root = new CommandLine(new FleetdeskCommand(environment));
        root.addSubcommand(named.get());
        return configured(root);
    }

    /** Settings picocli passes on to the subcommands present: set them once every command is added. */
    private static CommandLine configured(CommandLine root) {
        return root.setCaseInsensitiveEnumValuesAllowed(true).setExecutionExceptionHandler(new ErrorReporter());
    }

    private static List<String> names(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(List.of(annotation.aliases()));
        names.add(annotation.name());
        return names;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fleetdesk " + Version.get()};
        }
    }
}
