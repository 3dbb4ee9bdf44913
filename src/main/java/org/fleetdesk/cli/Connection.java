package org.fleetdesk.cli;

import java.nio.file.Path;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.secrets.Connections;
import org.fleetdesk.secrets.ConsolePassphrasePrompt;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.secrets.TokenStores;

/**
 * Where a command's API connection comes from: the environment (FLEETDESK_API_URL, FLEETDESK_TOKEN) or a saved
 * profile, decided by {@link Connections}. The one place the CLI resolves a connection.
 */
final class Connection {

    /** An API URL, its token (never printed) and the profile it came from (null for the environment alone). */
    record Settings(String apiUrl, String token, String profileName) {
        @Override
        public String toString() {
            return "Settings[" + apiUrl + ", token <redacted>, profile " + profileName + "]";
        }
    }

    private Connection() {
    }

    static Settings resolve(String profile, CliEnvironment environment) {
        org.fleetdesk.secrets.Connection connection = connections(environment).resolve(profile);
        return new Settings(connection.apiUrl(), connection.token().reveal(), connection.profileName());
    }

    /** Profiles under FLEETDESK_HOME (from the command's environment when set), tokens from their stores. */
    private static Connections connections(CliEnvironment environment) {
        Path home = environment.home();
        TokenStores stores = new TokenStores(home, new ConsolePassphrasePrompt(environment.variables(), System.console()));
        return new Connections(new ProfileStore(home, stores), environment.variables());
    }

    static ConnectClient open(Settings settings, CliEnvironment environment, RequestLimiter limiter) {
        return ConnectClient.builder()
                .baseUrl(settings.apiUrl())
                .token(settings.token())
                .limiter(limiter)
                .retryPolicy(environment.retryPolicy())
                .build();
    }
}
