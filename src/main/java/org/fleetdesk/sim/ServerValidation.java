package org.fleetdesk.sim;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.fleetdesk.api.Validation;

/**
 * The server's side of the documented input rules: the same rules as {@link Validation}, answered the way the
 * service answers, one 422 {@code "Validation failed: …"} listing every problem, comma-separated.
 */
final class ServerValidation {
    private static final Pattern CHECKSUM = Pattern.compile("[0-9a-fA-F]{64}");
    private final List<String> problems = new ArrayList<>();

    void requirePresent(String value, String field) {
        if (value == null || value.isBlank()) {
            problems.add(field + " can't be blank");
        }
    }

    /** A description given in an update: absent is fine, blank is not. */
    void refuseBlank(String value, String field) {
        if (value != null && value.isBlank()) {
            problems.add(field + " can't be blank");
        }
    }

    /** The documented tag rules; returns the tags without duplicates (null stays null). */
    List<String> tags(List<String> tags, String owner) {
        if (tags == null) {
            return null;
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(tags));
        if (distinct.size() > Validation.MAX_TAGS) {
            problems.add("Tags are limited to " + Validation.MAX_TAGS + " per " + owner);
        }
        if (distinct.stream().anyMatch(tag -> Validation.tagProblem(tag) != null)) {
            problems.add("Tags must contain only lowercase letters, numbers, hyphens, and underscores, with a maximum"
                    + " length of " + Validation.MAX_TAG_LENGTH + " characters");
        }
        return distinct;
    }

    /** {@code ttl_days}: absent means the default of one day. */
    int ttlDays(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        int days;
        try {
            days = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add("Ttl days must be a whole number of days");
            return 1;
        }
        if (days < Validation.MIN_TTL_DAYS || days > Validation.MAX_TTL_DAYS) {
            problems.add("Ttl days must be between " + Validation.MIN_TTL_DAYS + " and " + Validation.MAX_TTL_DAYS);
        }
        return days;
    }

    void uri(String value) {
        if (value == null || value.isBlank()) {
            problems.add("Uri can't be blank");
            return;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add("Uri must be an http or https URL");
            }
        } catch (URISyntaxException e) {
            problems.add("Uri must be an http or https URL");
        }
    }

    void checksum(String value) {
        if (value == null || value.isBlank()) {
            problems.add("Checksum can't be blank");
        } else if (!CHECKSUM.matcher(value).matches()) {
            problems.add("Checksum must be a SHA-256 digest of 64 hexadecimal characters");
        }
    }

    void add(String problem) {
        problems.add(problem);
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw SimError.unprocessable("Validation failed: " + String.join(", ", problems));
        }
    }
}
