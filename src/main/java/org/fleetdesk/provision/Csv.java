package org.fleetdesk.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The small CSV dialect of import and export files: comma-separated fields on one line, a field may be quoted with
 * {@code "} (a quote inside doubled), surrounding spaces of unquoted fields are ignored. A record never spans lines.
 */
final class Csv {
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[\\s;]+");

    private Csv() {
    }

    /** The lines of a text, without a leading byte-order mark. */
    static List<String> lines(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return List.of(LINE_BREAK.split(body, -1));
    }

    /** True for lines an import skips: blank, or a {@code #} comment. */
    static boolean skipped(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() || stripped.startsWith("#");
    }

    /** The fields of one line, or null when a quoted field is not closed. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(wasQuoted ? field.toString() : field.toString().strip());
        return fields;
    }

    /** The tags of one field: separated by spaces or semicolons (a comma would end the field). */
    static List<String> tags(String field) {
        List<String> tags = new ArrayList<>();
        for (String tag : TAG_SEPARATORS.split(field.strip())) {
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** A field for writing: quoted when it holds a comma, a quote or a line break. */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
