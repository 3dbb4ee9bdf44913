package org.fleetdesk.cli;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.fleetdesk.api.Sha256;
import org.fleetdesk.secrets.Profile;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.store.StoreCorruptException;
import org.fleetdesk.store.StorePaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which cache file (and so which rollout journal) a command uses for its connection — the one place the CLI decides:
 * <ul>
 *   <li>a profile: {@code <home>/orgs/<profile>/cache.sqlite}, the desktop app's file for that profile;</li>
 *   <li>the environment alone (FLEETDESK_TOKEN, for CI): {@code <home>/env/<host>-<key>/cache.sqlite}, where the key
 *       is 12 hex digits of the SHA-256 of the API URL and the token. The URL alone is not enough: every organisation
 *       shares the default URL, and two organisations must never share a journal. The token itself is never written;
 *       a new token starts a new cache.</li>
 * </ul>
 */
final class CacheLocation {
    static final String ENV_FOLDER = "env";
    private static final Logger LOG = LoggerFactory.getLogger(CacheLocation.class);

    private CacheLocation() {
    }

    static Path of(Connection.Settings settings, CliEnvironment environment) {
        Path home = environment.home();
        if (settings.profileName() != null) {
            return home.resolve(ProfileStore.ORGS_FOLDER).resolve(Profile.requireValidName(settings.profileName()))
                    .resolve(StorePaths.FILE_NAME);
        }
        String key = Sha256.hex((settings.apiUrl() + "\n" + settings.token()).getBytes(StandardCharsets.UTF_8))
                .substring(0, 12);
        return home.resolve(ENV_FOLDER).resolve(hostOf(settings.apiUrl()) + "-" + key).resolve(StorePaths.FILE_NAME);
    }

    /** Opens the connection's cache; a damaged one is moved aside and started afresh (it is rebuilt from the API). */
    static FleetStore open(Connection.Settings settings, CliEnvironment environment) {
        Path file = of(settings, environment);
        try {
            return FleetStore.open(file);
        } catch (StoreCorruptException e) {
            Path aside = StorePaths.moveAside(file, Clock.systemUTC());
            LOG.warn("The cache {} was damaged; moved it to {} and starting a new one", file, aside);
            return FleetStore.open(file);
        }
    }

    private static String hostOf(String apiUrl) {
        URI uri = URI.create(apiUrl);
        String host = uri.getHost() == null ? "api" : uri.getHost().toLowerCase(Locale.ROOT);
        String port = uri.getPort() < 0 ? "" : "_" + uri.getPort();
        return (host + port).replaceAll("[^a-z0-9._-]", "_");
    }
}
