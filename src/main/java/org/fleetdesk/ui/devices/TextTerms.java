package org.fleetdesk.ui.devices;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each term of the search text starts and ends, so the search bar can turn one typed term into a chip and leave
 * the rest of the text exactly as typed. Splits as {@link org.fleetdesk.query.QueryParser} does: at spaces and control
 * characters, with a term that starts with {@code "} running to its closing quote ({@code \"} and {@code \\}
 * escaped) or the end. What a term means is still the parser's business.
 */
final class TextTerms {
    record Span(int start, int end, boolean quoted) {
        String text(String source) {
            return source.substring(start, end);
        }
    }

    private TextTerms() {
    }

    static List<Span> spans(String text) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isSeparator(c)) {
                i++;
            } else if (c == '"') {
                int start = i++;
                boolean closed = false;
                while (i < text.length() && !closed) {
                    char p = text.charAt(i);
                    if (p == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                        i += 2;
                    } else {
                        closed = p == '"';
                        i++;
                    }
                }
                spans.add(new Span(start, i, true));
            } else {
                int start = i;
                while (i < text.length() && !isSeparator(text.charAt(i))) {
                    i++;
                }
                spans.add(new Span(start, i, false));
            }
        }
        return spans;
    }

    static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }
}
