package org.fleetdesk.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code query} parameter of "list devices", parsed the way the dashboard's search bar reads it.
 *
 * <ul>
 *   <li>Terms are separated by whitespace, Unicode spaces and control characters.</li>
 *   <li>A term that starts with {@code "} is a phrase, always free text (even {@code "tag:kiosk"}): it runs to the
 *       next {@code "} not escaped by a backslash ({@code \"} is a quote, {@code \\} a backslash) or to the end of
 *       the query; control characters in it count as spaces; a blank phrase sets no condition.</li>
 *   <li>Any other term runs to the next separator, quotes included. If it starts with {@code model:}, {@code memory:},
 *       {@code os:} or {@code tag:} (qualifier name in any case) it is a qualifier; its value is the rest of the term
 *       without quotes, matched against the device's {@code filters} or tags with ASCII letters in any case
 *       ({@code tag:KIOSK} finds kiosk devices: tags and documented values are lowercase, and free text ignores case
 *       too). A qualifier with an empty value ({@code tag:}, {@code tag:""}) sets no condition.</li>
 *   <li>Every other term is free text as typed, quotes included, lowercased ({@code colour:red}, an unknown
 *       qualifier, is literal text).</li>
 * </ul>
 */
record DeviceQuery(List<String> tags, List<String> models, List<String> memories, List<String> oses,
                   List<String> freeText) {

    static final DeviceQuery EVERYTHING = new DeviceQuery(List.of(), List.of(), List.of(), List.of(), List.of());

    boolean isEmpty() {
        return tags.isEmpty() && models.isEmpty() && memories.isEmpty() && oses.isEmpty() && freeText.isEmpty();
    }

    static DeviceQuery parse(String query) {
        if (query == null || query.isBlank()) {
            return EVERYTHING;
        }
        List<String> tags = new ArrayList<>();
        List<String> models = new ArrayList<>();
        List<String> memories = new ArrayList<>();
        List<String> oses = new ArrayList<>();
        List<String> freeText = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (isSeparator(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder phrase = new StringBuilder();
                i = readPhrase(query, i + 1, phrase);
                if (!phrase.chars().allMatch(ch -> isSeparator((char) ch))) {
                    freeText.add(phrase.toString().toLowerCase(Locale.ROOT));
                }
            } else {
                int start = i;
                while (i < query.length() && !isSeparator(query.charAt(i))) {
                    i++;
                }
                String term = query.substring(start, i);
                int colon = term.indexOf(':');
                List<String> target = switch (colon > 0 ? term.substring(0, colon).toLowerCase(Locale.ROOT) : "") {
                    case "tag" -> tags;
                    case "model" -> models;
                    case "memory" -> memories;
                    case "os" -> oses;
                    default -> freeText;
                };
                String value = target == freeText ? term.toLowerCase(Locale.ROOT)
                        : foldValue(term.substring(colon + 1).replace("\"", ""));
                if (!value.isEmpty()) {
                    target.add(value);
                }
            }
        }
        return new DeviceQuery(List.copyOf(tags), List.copyOf(models), List.copyOf(memories), List.copyOf(oses),
                List.copyOf(freeText));
    }

    /** Reads a phrase after its opening quote into {@code phrase}; returns the index after its closing quote. */
    private static int readPhrase(String query, int from, StringBuilder phrase) {
        int i = from;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\\' && i + 1 < query.length() && (query.charAt(i + 1) == '"' || query.charAt(i + 1) == '\\')) {
                phrase.append(query.charAt(i + 1));
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                phrase.append(Character.isISOControl(c) ? ' ' : c);
                i++;
            }
        }
        return i;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    /** A qualifier value or tag as compared: ASCII letters lowercased, every other character kept. */
    static String foldValue(String value) {
        StringBuilder folded = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }
}
