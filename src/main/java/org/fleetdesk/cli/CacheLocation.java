package org.fleetdesk.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.Sha256;
import org.fleetdesk.secrets.Connections;
import org.fleetdesk.secrets.Profile;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.store.StorePaths;

/**
 * Which local cache a command uses:
 * <ul>
 * <li>a profile's connection: {@code <FLEETDESK_HOME>/orgs/<profile>/cache.sqlite}, the file the desktop app uses;</li>
 * <li>a connection from the environment alone ({@code FLEETDESK_TOKEN}, no profile, or a {@code FLEETDESK_API_URL}
 * other than the profile's): {@code <FLEETDESK_HOME>/env/<host>[-<port>]-<key>/cache.sqlite}, where {@code key} is
 * the first 16 hex digits of a SHA-256 over the API URL and the token. The API answers for the organisation the
 * token belongs to, so two organisations behind the same URL (every real one) get two caches; a token cannot be
 * recovered from the folder name, and a new token starts a new cache.</li>
 * </ul>
 */
final class CacheLocation {
    static final String ENVIRONMENT_FOLDER = "env";
    private static final int KEY_HEX_DIGITS = 16;

    private CacheLocation() {
    }

    /**
     * Opens the connection's cache and journal; a damaged cache is moved aside and started afresh (a sync rebuilds it),
     * a damaged journal is moved aside and what can be read of it recovered. What was repaired is printed to {@code err}.
     */
    static FleetStore open(Connection.Settings settings, CliEnvironment environment, PrintWriter err) {
        return openRecovering(of(settings, environment), err);
    }

    /** Opens the cache {@code file} and its journal as {@link #open} does, telling {@code err} what was repaired. */
    static FleetStore openRecovering(Path file, PrintWriter err) {
        FleetStore store = FleetStore.openRecovering(file);
        for (String message : store.recoveryMessages()) {
            err.println(message);
        }
        err.flush();
        return store;
    }

    /** The cache of the connection a command talks to. */
    static Path of(Connection.Settings settings, CliEnvironment environment) {
        ProfileStore profiles = Connection.profiles(environment);
        if (settings.profileName() != null) {
            Optional<Profile> profile = profiles.find(settings.profileName());
            if (profile.isPresent() && profile.get().apiUrl().equals(settings.apiUrl())) {
                return profiles.orgFolder(profile.get().name()).resolve(StorePaths.FILE_NAME);
            }
        }
        return environment.home().resolve(ENVIRONMENT_FOLDER)
                .resolve(environmentFolder(settings.apiUrl(), settings.token())).resolve(StorePaths.FILE_NAME);
    }

    /**
     * The cache an offline command reads: the one {@link #of} would give for the connection that
     * {@link Connections#resolve} would choose, found without loading a stored token (no keychain, no passphrase).
     */
    static Path forOffline(String profileName, CliEnvironment environment) {
        ProfileStore profiles = Connection.profiles(environment);
        Profile named = profileName == null ? null : profiles.require(profileName);
        String token = environment.variable(Connections.TOKEN_VARIABLE);
        String url = environment.variable(Connections.API_URL_VARIABLE);
        if (token != null) {
            String apiUrl = url != null ? Profile.normalizeApiUrl(url)
                    : named != null ? named.apiUrl() : Profile.DEFAULT_API_URL;
            return of(new Connection.Settings(apiUrl, token, named == null ? null : named.name()), environment);
        }
        Profile profile = named != null ? named : profiles.current().orElseThrow(() -> new InvalidInputException(
                "No organisation is configured, so there is no cache to read: add a profile with fleetdesk profile"
                        + " add NAME, or set " + Connections.TOKEN_VARIABLE + ", then run fleetdesk devices sync."));
        return profiles.orgFolder(profile.name()).resolve(StorePaths.FILE_NAME);
    }

    static String environmentFolder(String apiUrl, String token) {
        URI uri = URI.create(apiUrl);
        String host = uri.getHost() == null ? "api" : uri.getHost().replaceAll("[^A-Za-z0-9.-]", "_");
        String port = uri.getPort() < 0 ? "" : "-" + uri.getPort();
        String key = Sha256.hex(Sha256.digest(("fleetdesk cache\n" + apiUrl + "\n" + token)
                .getBytes(StandardCharsets.UTF_8))).substring(0, KEY_HEX_DIGITS);
        return host + port + "-" + key;
    }
}
