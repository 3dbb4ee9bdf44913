package org.fleetdesk.ui.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.fleetdesk.api.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's own preferences (theme, window bounds, last screen, table layouts) as a small JSON file in the
 * data folder, so that {@code FLEETDESK_HOME} moves them with everything else. Writes go through a temporary file.
 */
public final class UiSettings {
    private static final Logger LOG = LoggerFactory.getLogger(UiSettings.class);
    private final Path file;
    private final ObjectNode values;

    private UiSettings(Path file, ObjectNode values) {
        this.file = file;
        this.values = values;
    }

    public static UiSettings load(Path file) {
        ObjectNode values = Json.mapper().createObjectNode();
        if (Files.exists(file)) {
            try {
                if (Json.mapper().readTree(file.toFile()) instanceof ObjectNode stored) {
                    values = stored;
                }
            } catch (IOException e) {
                LOG.warn("Ignoring unreadable UI settings {}: {}", file, e.getMessage());
            }
        }
        return new UiSettings(file, values);
    }

    public synchronized Optional<String> get(String key) {
        return values.hasNonNull(key) ? Optional.of(values.get(key).asText()) : Optional.empty();
    }

    public synchronized double getDouble(String key, double fallback) {
        return values.hasNonNull(key) ? values.get(key).asDouble(fallback) : fallback;
    }

    public synchronized void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    public synchronized void putDouble(String key, double value) {
        values.put(key, value);
    }

    /** Writes the settings; call off the UI thread or at exit. */
    public synchronized void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "ui-settings", ".tmp");
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), values);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not save UI settings to {}: {}", file, e.getMessage());
        }
    }
}
