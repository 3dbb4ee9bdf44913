package org.fleetdesk.store;

import java.nio.file.Path;

/**
 * The cache file is damaged or is not a Fleetdesk cache at all. Nothing in it can be trusted: move it aside
 * ({@link StorePaths#moveAside}) and sync again to rebuild it.
 */
public class StoreCorruptException extends StoreException {
    public StoreCorruptException(Path file, String detail, Throwable cause) {
        super(file, "The local cache " + file + " is damaged or is not a Fleetdesk cache (" + detail + "). Move it"
                + " aside and sync again to rebuild it from the organisation.", cause);
    }
}
