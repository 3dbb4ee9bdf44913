package org.fleetdesk.cli;

import picocli.CommandLine.Option;

/** The {@code --profile} option of every command that talks to the API. */
final class ConnectionOptions {
    @Option(names = "--profile", paramLabel = "NAME",
            description = "Saved connection to use (default: FLEETDESK_API_URL and FLEETDESK_TOKEN).")
    String profile;
}
