package org.fleetdesk.cli;

import java.nio.file.Path;
import org.fleetdesk.AppPaths;
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

    /** An API URL and its token; the token is never printed. */
    record Settings(String apiUrl, String token) {
        @Override
        public String toString() {
            return "Settings[" + apiUrl + ", token <redacted>]";
        }
    }

    private Connection() {
    }

    static Settings resolve(String profile, CliEnvironment environment) {
        org.fleetdesk.secrets.Connection connection = connections(environment).resolve(profile);
        return new Settings(connection.apiUrl(), connection.token().reveal());
    }

    /** Profiles under FLEETDESK_HOME (from the command's environment when set), tokens from their stores. */
    private static Connections connections(CliEnvironment environment) {
        String homeOverride = environment.variable(AppPaths.HOME_VARIABLE);
        Path home = homeOverride != null ? Path.of(homeOverride) : AppPaths.home();
        TokenStores stores = new TokenStores(home, new ConsolePassphrasePrompt(environment.variables(), System.console()));
        return new Connections(new ProfileStore(home, stores), environment.variables());
    }

    static ConnectClient open(Settings settings, CliEnvironment environment, RequestLimiter limiter) {
        return ConnectClient.builder()
                .baseUrl(settings.apiUrl())
                .token(settings.token())
                .retryPolicy(environment.retryPolicy())
                .limiter(limiter)
                .build();
    }
}
