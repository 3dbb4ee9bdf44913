package org.fleetdesk;

import org.fleetdesk.api.SystemProxies;
import org.fleetdesk.cli.FleetdeskCommand;

/**
 * Entry point of the one jar: no arguments or {@code --demo} opens the desktop app; any other first word is a CLI
 * command. The desktop app is loaded by name so that the command line never loads JavaFX.
 */
public final class Main {
    private static final String DESKTOP_LAUNCHER = "org.fleetdesk.ui.DesktopLauncher";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        SystemProxies.useOperatingSystemSettings();
        if (args.length == 0 || (args.length == 1 && args[0].equals("--demo"))) {
            Class.forName(DESKTOP_LAUNCHER).getMethod("launch", String[].class).invoke(null, (Object) args);
            return;
        }
        System.exit(FleetdeskCommand.run(args));
    }
}
