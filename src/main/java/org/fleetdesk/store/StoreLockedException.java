package org.fleetdesk.store;

import java.nio.file.Path;

/** Another program (usually another Fleetdesk window or command) holds the cache's lock for longer than we waited. */
public class StoreLockedException extends StoreException {
    public StoreLockedException(Path file, Throwable cause) {
        this(file, "local cache", cause);
    }

    /** {@code noun} names the kind of file in the message: "local cache" or "journal". */
    public StoreLockedException(Path file, String noun, Throwable cause) {
        super(file, "The " + noun + " " + file + " is locked by another program, probably another Fleetdesk window or"
                + " command that is writing to it. Wait for it to finish or close it, then try again.", cause);
    }
}
