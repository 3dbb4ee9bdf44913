package org.fleetdesk.cli;

import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.InvalidInputException;

/**
 * Where a command's API connection comes from: a named profile, or the environment ({@value #URL_VARIABLE},
 * {@value #TOKEN_VARIABLE}). The one place the CLI resolves a connection.
 */
final class Connection {
    static final String URL_VARIABLE = "FLEETDESK_API_URL";
    static final String TOKEN_VARIABLE = "FLEETDESK_TOKEN";

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
        if (profile != null) {
            return fromProfile(profile);
        }
        String url = environment.variable(URL_VARIABLE);
        String token = environment.variable(TOKEN_VARIABLE);
        if (token == null) {
            throw new InvalidInputException("No management API access token: set " + TOKEN_VARIABLE + "=rporg_... (and "
                    + URL_VARIABLE + " if not " + ConnectClient.DEFAULT_BASE_URL + "), or use --profile NAME.");
        }
        return new Settings(url == null ? ConnectClient.DEFAULT_BASE_URL : url, token);
    }

    /** The seam for saved profiles (organisation, API URL, token in the OS keychain). */
    private static Settings fromProfile(String name) {
        throw new InvalidInputException("Profiles are not configured in this version, so --profile " + name
                + " cannot be used: set " + URL_VARIABLE + " and " + TOKEN_VARIABLE + " instead.");
    }

    static ConnectClient open(Settings settings, CliEnvironment environment) {
        return ConnectClient.builder()
                .baseUrl(settings.apiUrl())
                .token(settings.token())
                .retryPolicy(environment.retryPolicy())
                .build();
    }
}
