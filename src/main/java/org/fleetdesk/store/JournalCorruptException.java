package org.fleetdesk.store;

import java.nio.file.Path;

/**
 * The journal file is damaged. Unlike the cache it cannot be rebuilt by a sync: {@link FleetStore#openRecovering}
 * moves it aside, starts a new one and copies every row it can still read into it.
 */
public class JournalCorruptException extends StoreException {
    public JournalCorruptException(Path file, String detail, Throwable cause) {
        super(file, "The journal " + file + " (rollouts, activity log, saved searches) is damaged or is not a Fleetdesk"
                + " journal (" + detail + "). Open the organisation again, in the app or with any fleetdesk command"
                + " for it: that moves the file aside, keeps it, and recovers the rows it can still read.", cause);
    }
}
