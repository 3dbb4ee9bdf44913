package org.fleetdesk.logging;

import java.util.regex.Pattern;

/**
 * Removes secrets from text that is about to be written to a log: management tokens ({@code rporg_…}), auth-key
 * secrets ({@code rpoak_…}), any {@code Bearer …} credential and PEM private-key blocks (also a block cut short).
 */
public final class Redactor {
    public static final String REDACTED = "<redacted>";

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|\\z)", Pattern.DOTALL);
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[^\\s\"',;]+");
    private static final Pattern PREFIXED_SECRET = Pattern.compile("(?i)rp(?:org|oak)_[^\\s\"',;<>()\\[\\]{}]*");

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = PRIVATE_KEY.matcher(text).replaceAll(REDACTED);
        result = BEARER.matcher(result).replaceAll("$1 " + REDACTED);
        return PREFIXED_SECRET.matcher(result).replaceAll(REDACTED);
    }
}
