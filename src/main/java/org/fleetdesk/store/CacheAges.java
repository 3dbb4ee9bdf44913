package org.fleetdesk.store;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** "synced 3 hours ago (2025-11-28 15:02 UTC)", for messages about the local cache. */
public final class CacheAges {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private CacheAges() {
    }

    /** "synced 3 hours ago (…)", or "never synced" when {@code lastSync} is null. */
    public static String synced(Instant lastSync, Instant now) {
        return lastSync == null ? "never synced" : "synced " + ago(lastSync, now);
    }

    /** "3 hours ago (2025-11-28 15:02 UTC)". */
    public static String ago(Instant lastSync, Instant now) {
        Duration age = Duration.between(lastSync, now);
        String ago;
        if (age.toSeconds() < 60) {
            ago = "less than a minute ago";
        } else if (age.toMinutes() < 120) {
            ago = plural(age.toMinutes(), "minute") + " ago";
        } else if (age.toHours() < 48) {
            ago = plural(age.toHours(), "hour") + " ago";
        } else {
            ago = plural(age.toDays(), "day") + " ago";
        }
        return ago + " (" + WHEN.format(lastSync) + ")";
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
