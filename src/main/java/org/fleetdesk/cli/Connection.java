package org.fleetdesk.cli;

import java.nio.file.Path;
import org.fleetdesk.api.ChangeObserver;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.FailedAttempts;
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

    /** An API URL and its token, and the profile they come from (null: the environment); the token is never printed. */
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

    /** The saved profiles under {@link #home}; tokens come from their stores, passphrases from the environment or console. */
    static ProfileStore profiles(CliEnvironment environment) {
        Path home = environment.home();
        return new ProfileStore(home, new TokenStores(home,
                new ConsolePassphrasePrompt(environment.variables(), System.console())));
    }

    private static Connections connections(CliEnvironment environment) {
        return new Connections(profiles(environment), environment.variables());
    }

    /** A client whose requests share {@code limiter}. */
    static ConnectClient open(Settings settings, CliEnvironment environment, RequestLimiter limiter) {
        return open(settings, environment, limiter, ChangeObserver.NONE, new FailedAttempts());
    }

    /**
     * A client whose requests share {@code limiter}, whose changes {@code observer} journals and whose unanswered
     * attempts {@code failedAttempts} counts.
     */
    static ConnectClient open(Settings settings, CliEnvironment environment, RequestLimiter limiter,
                              ChangeObserver observer, FailedAttempts failedAttempts) {
        return ConnectClient.builder()
                .changeObserver(observer)
                .failedAttempts(failedAttempts)
                .baseUrl(settings.apiUrl())
                .token(settings.token())
                .retryPolicy(environment.retryPolicy())
                .limiter(limiter)
                .build();
    }
}
