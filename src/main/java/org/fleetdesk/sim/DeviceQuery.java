package org.fleetdesk.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code query} parameter of "list devices", parsed the way the dashboard's search bar reads it.
 *
 * <ul>
 *   <li>Terms are separated by whitespace outside double quotes. Double quotes group words into one term and are not
 *       part of it; an unclosed quote runs to the end of the query.</li>
 *   <li>A term that starts with {@code model:}, {@code memory:}, {@code os:} or {@code tag:} (qualifier name in any
 *       case, colon before any quote) is a qualifier; its value is the rest of the term, unquoted, matched against the
 *       device's {@code filters} or tags with ASCII letters in any case ({@code tag:KIOSK} finds kiosk devices: tags
 *       and documented values are lowercase, and free text ignores case too). A qualifier with an empty value
 *       ({@code tag:}, {@code tag:""}) sets no condition.</li>
 *   <li>Every other term is free text, lowercased: {@code "point of sale"} is one phrase, {@code "tag:kiosk"} (quoted)
 *       and {@code colour:red} (unknown qualifier) are literal text. An empty quoted term sets no condition.</li>
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
        for (String raw : rawTerms(query)) {
            int colon = raw.indexOf(':');
            int quote = raw.indexOf('"');
            String qualifier = colon > 0 && (quote < 0 || colon < quote) ? raw.substring(0, colon).toLowerCase(Locale.ROOT) : "";
            List<String> target = switch (qualifier) {
                case "tag" -> tags;
                case "model" -> models;
                case "memory" -> memories;
                case "os" -> oses;
                default -> freeText;
            };
            String value = target == freeText ? unquote(raw).toLowerCase(Locale.ROOT)
                    : foldValue(unquote(raw.substring(colon + 1)));
            if (!value.isEmpty()) {
                target.add(value);
            }
        }
        return new DeviceQuery(List.copyOf(tags), List.copyOf(models), List.copyOf(memories), List.copyOf(oses),
                List.copyOf(freeText));
    }

    /** The terms with their quotes still in them, split at whitespace outside quotes. */
    private static List<String> rawTerms(String query) {
        List<String> terms = new ArrayList<>();
        StringBuilder term = new StringBuilder();
        boolean quoted = false;
        boolean started = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (started) {
                    terms.add(term.toString());
                    term.setLength(0);
                    started = false;
                }
                continue;
            }
            term.append(c);
            started = true;
        }
        if (started) {
            terms.add(term.toString());
        }
        return terms;
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

    private static String unquote(String text) {
        return text.indexOf('"') < 0 ? text : text.replace("\"", "");
    }
}
