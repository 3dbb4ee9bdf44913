package org.fleetdesk.ui.shell;

import java.time.Duration;
import java.time.Instant;

/** "synced 3 min ago", for the status bar and the offline banner. */
public final class CacheAge {
    private CacheAge() {
    }

    public static String describe(Instant lastSync, Instant now) {
        if (lastSync == null) {
            return "never synced";
        }
        Duration age = Duration.between(lastSync, now);
        if (age.toSeconds() < 60) {
            return "synced just now";
        }
        if (age.toMinutes() < 60) {
            return "synced " + age.toMinutes() + " min ago";
        }
        if (age.toHours() < 48) {
            return "synced " + age.toHours() + " h ago";
        }
        return "synced " + age.toDays() + " days ago";
    }
}
