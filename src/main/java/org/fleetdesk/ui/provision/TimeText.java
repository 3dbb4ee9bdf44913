package org.fleetdesk.ui.provision;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates as a person reads them in a list: relative first ("in 23 h"), then the local date and time. */
public final class TimeText {
    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private TimeText() {
    }

    public static String absolute(Instant instant) {
        return instant == null ? "" : ABSOLUTE.format(instant);
    }

    /** "in 3 d (2026-03-01 10:00)", "2 h ago (…)", or "" for no date. */
    public static String relativeAndAbsolute(Instant instant, Instant now) {
        if (instant == null) {
            return "";
        }
        Duration between = Duration.between(now, instant);
        String amount = amount(between.abs());
        String relative = between.isNegative() ? amount + " ago" : "in " + amount;
        return relative + " (" + absolute(instant) + ")";
    }

    private static String amount(Duration d) {
        if (d.toDays() >= 2) {
            return d.toDays() + " d";
        }
        if (d.toHours() >= 1) {
            return d.toHours() + " h";
        }
        return Math.max(1, d.toMinutes()) + " min";
    }
}
