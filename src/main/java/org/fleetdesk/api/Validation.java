package org.fleetdesk.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The reference's documented input rules, checked before anything is sent. Messages follow the reference's wording
 * and say how to fix the input. The simulator applies the same rules, so client and server agree.
 */
public final class Validation {
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG_LENGTH = 30;
    public static final int MIN_TTL_DAYS = 1;
    public static final int MAX_TTL_DAYS = 90;
    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]{1,30}");
    private static final Pattern CHECKSUM = Pattern.compile("[0-9a-fA-F]{64}");

    private Validation() {
    }

    public static void requireTags(List<String> tags) {
        if (tags == null) {
            return;
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInputException("Too many tags (" + tags.size() + "): you can apply up to " + MAX_TAGS
                    + " tags. Remove " + (tags.size() - MAX_TAGS) + ".");
        }
        for (String tag : tags) {
            String problem = tagProblem(tag);
            if (problem != null) {
                throw new InvalidInputException(problem);
            }
        }
    }

    /** Why a tag is invalid, or null when it is fine. */
    public static String tagProblem(String tag) {
        if (tag == null || tag.isEmpty()) {
            return "A tag cannot be empty.";
        }
        if (tag.length() > MAX_TAG_LENGTH) {
            return "Tag \"" + printable(tag) + "\" is " + tag.length() + " characters long: the maximum length is "
                    + MAX_TAG_LENGTH + " characters.";
        }
        if (!TAG.matcher(tag).matches()) {
            String hint = tag.toLowerCase(Locale.ROOT).equals(tag) ? "" : " Try \"" + printable(tag.toLowerCase(Locale.ROOT)) + "\".";
            return "Tag \"" + printable(tag) + "\" is invalid: each tag must contain only lowercase letters, numbers,"
                    + " hyphens, and underscores." + hint;
        }
        return null;
    }

    public static void requireTtlDays(Integer ttlDays) {
        if (ttlDays != null && (ttlDays < MIN_TTL_DAYS || ttlDays > MAX_TTL_DAYS)) {
            throw new InvalidInputException("ttl_days " + ttlDays + " is out of range: an auth key expires after between "
                    + MIN_TTL_DAYS + " and " + MAX_TTL_DAYS + " days.");
        }
    }

    /** Parses a ttl typed by a person ("7"), refusing anything that is not a whole number of days in range. */
    public static int parseTtlDays(String text) {
        try {
            int days = Integer.parseInt(text.strip());
            requireTtlDays(days);
            return days;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("\"" + printable(text) + "\" is not a number of days: enter a whole number between "
                    + MIN_TTL_DAYS + " and " + MAX_TTL_DAYS + ".");
        }
    }

    public static void requireNotBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + " can't be blank.");
        }
    }

    public static void requireChecksum(String checksum) {
        if (checksum == null || !CHECKSUM.matcher(checksum).matches()) {
            String got = checksum == null ? "nothing" : checksum.length() + " characters";
            throw new InvalidInputException("Checksum must be the hex-encoded SHA-256 of the artefact: exactly 64 hexadecimal"
                    + " characters (0-9, a-f); got " + got + ". Compute it with sha256sum or from the file.");
        }
    }

    public static void requireHttpsUri(String uri) {
        requireNotBlank(uri, "URI");
        try {
            URI parsed = new URI(uri.strip());
            if (!"https".equalsIgnoreCase(parsed.getScheme()) || parsed.getHost() == null) {
                throw new InvalidInputException("URI \"" + printable(uri) + "\" must be an https:// address that devices"
                        + " can download the artefact from.");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("URI \"" + printable(uri) + "\" is not a valid address: " + e.getReason() + ".");
        }
    }

    public static void validate(NewAuthKey key) {
        requireNotBlank(key.description(), "Description");
        requireTtlDays(key.ttlDays());
        requireTags(key.tags());
    }

    public static void validate(AuthKeyUpdate update) {
        if (update.description() != null) {
            requireNotBlank(update.description(), "Description");
        }
        requireTags(update.tags());
    }

    public static void validate(NewDeviceIdentity identity) {
        requireNotBlank(identity.publicKey(), "Public key");
        requireNotBlank(identity.description(), "Description");
        requireTags(identity.tags());
    }

    public static void validate(DeviceIdentityUpdate update) {
        if (update.description() != null) {
            requireNotBlank(update.description(), "Description");
        }
        requireTags(update.tags());
    }

    public static void validate(NewArtefact artefact) {
        requireNotBlank(artefact.name(), "Name");
        requireHttpsUri(artefact.uri());
        requireChecksum(artefact.checksum());
    }

    public static void requireId(String id, String what) {
        requireNotBlank(id, what + " ID");
        if (id.chars().anyMatch(c -> c < 0x20 || c == '/' || c == '?' || c == '#')) {
            throw new InvalidInputException(what + " ID \"" + printable(id) + "\" contains characters an ID cannot have.");
        }
    }

    /** Shortens and escapes user input for quoting it in a message. */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 60; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return text.length() > 60 ? out + "…" : out.toString();
    }
}
