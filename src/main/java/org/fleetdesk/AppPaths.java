package org.fleetdesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Fleetdesk keeps its local state (caches, profiles, logs). {@code FLEETDESK_HOME} (environment variable or
 * system property) moves all of it, for tests and portable installs.
 */
public final class AppPaths {
    public static final String HOME_VARIABLE = "FLEETDESK_HOME";

    private AppPaths() {
    }

    public static Path home() {
        String override = System.getProperty(HOME_VARIABLE, System.getenv(HOME_VARIABLE));
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path userHome = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("LOCALAPPDATA");
            return (appData != null ? Path.of(appData) : userHome.resolve("AppData/Local")).resolve("Fleetdesk");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library/Application Support/Fleetdesk");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local/share")).resolve("fleetdesk");
    }

    public static Path logs() {
        return home().resolve("logs");
    }

    public static Path ensureDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
