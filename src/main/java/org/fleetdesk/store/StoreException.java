package org.fleetdesk.store;

import java.nio.file.Path;

/** The local cache could not be read or written. The message says what happened to which file and what to do. */
public class StoreException extends RuntimeException {
    private final transient Path file;

    public StoreException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The cache file concerned. */
    public Path file() {
        return file;
    }
}
