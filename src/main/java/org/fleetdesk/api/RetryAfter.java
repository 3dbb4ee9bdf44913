package org.fleetdesk.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header: delay-seconds or an HTTP date. */
final class RetryAfter {
    static final long ABSENT = -1;

    private RetryAfter() {
    }

    /** Milliseconds to wait from {@code now}, 0 for a date in the past, {@link #ABSENT} when missing or unreadable. */
    static long millis(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return ABSENT;
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Math.multiplyExact(Long.parseLong(value), 1000L);
            } catch (ArithmeticException | NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Math.max(0, Duration.between(now, at).toMillis());
        } catch (DateTimeParseException e) {
            return ABSENT;
        }
    }
}
