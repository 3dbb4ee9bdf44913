package org.fleetdesk.query;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the dashboard's search syntax ({@code model:5 tag:production "point of sale" dash}). Never throws: every
 * input, however malformed, gives a query, and {@link QueryValidator} explains what looked wrong.
 * <p>
 * The rules, in order:
 * <ol>
 * <li>Only the first {@value #MAX_LENGTH} characters are read; the rest is ignored (the validator says so).</li>
 * <li>Terms are separated by spaces: any Unicode space or whitespace character, and every control character.</li>
 * <li>A term that starts with {@code "} is a quoted phrase and always free text (even {@code "tag:kiosk"}). It ends
 * at the next {@code "} that is not escaped ({@code \"} stands for a quote, {@code \\} for a backslash, any other
 * backslash is literal) or, with no closing quote, at the end of the input. Control characters in it become spaces;
 * an empty or all-space phrase is ignored. A closing quote ends the term even if a letter follows.</li>
 * <li>Any other term runs to the next space; quotes and backslashes inside it are literal. If the text before its
 * first {@code :} is {@code model}, {@code memory}, {@code os} or {@code tag} (any case), the term is that qualifier
 * with the rest as its value, as typed except that quotes are dropped ({@code tag:a:b} has value {@code a:b},
 * {@code tag:"kiosk"} has value {@code kiosk}: no tag or documented value contains a quote). A qualifier whose value
 * is empty ({@code tag:}, {@code tag:""}) sets no condition, as in the API; the validator says so. Any other term
 * ({@code foo:bar}, {@code :x}) is free text.</li>
 * <li>Repeated identical values and terms are kept once, in first-seen order.</li>
 * </ol>
 */
public final class QueryParser {
    /** Input beyond this many characters is ignored, which bounds the work any query can cause. */
    public static final int MAX_LENGTH = 1024;

    private QueryParser() {
    }

    public static DeviceQuery parse(String input) {
        return scan(input).query();
    }

    /**
     * The query plus what the reader had to work around, for {@link QueryValidator}: the unquoted free-text terms,
     * the qualifiers ignored for want of a value (as typed), a cut and an unclosed quote.
     */
    record Scan(DeviceQuery query, List<String> unquotedText, List<String> emptyQualifiers, boolean truncated,
                boolean unclosedQuote) {
    }

    static Scan scan(String input) {
        String text = input == null ? "" : input;
        boolean truncated = text.length() > MAX_LENGTH;
        if (truncated) {
            int end = Character.isHighSurrogate(text.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
            text = text.substring(0, end);
        }
        Map<Qualifier, List<String>> values = new EnumMap<>(Qualifier.class);
        for (Qualifier q : Qualifier.values()) {
            values.put(q, new ArrayList<>());
        }
        List<String> terms = new ArrayList<>();
        List<String> unquoted = new ArrayList<>();
        List<String> emptyQualifiers = new ArrayList<>();
        boolean unclosedQuote = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Terms.isSeparator(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder phrase = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < text.length() && !closed) {
                    char p = text.charAt(i);
                    if (p == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                        phrase.append(text.charAt(i + 1));
                        i += 2;
                    } else if (p == '"') {
                        closed = true;
                        i++;
                    } else {
                        phrase.append(Character.isISOControl(p) ? ' ' : p);
                        i++;
                    }
                }
                unclosedQuote |= !closed;
                if (!Terms.isBlank(phrase.toString())) {
                    terms.add(phrase.toString());
                }
            } else {
                int start = i;
                while (i < text.length() && !Terms.isSeparator(text.charAt(i))) {
                    i++;
                }
                String token = text.substring(start, i);
                Optional<Qualifier> qualifier = qualifierOf(token);
                if (qualifier.isPresent()) {
                    String value = token.substring(token.indexOf(':') + 1).replace("\"", "");
                    if (value.isEmpty()) {
                        emptyQualifiers.add(token);
                    } else {
                        values.get(qualifier.get()).add(value);
                    }
                } else {
                    terms.add(token);
                    unquoted.add(token);
                }
            }
        }
        DeviceQuery query = new DeviceQuery(values.get(Qualifier.MODEL), values.get(Qualifier.MEMORY),
                values.get(Qualifier.OS), values.get(Qualifier.TAG), terms);
        return new Scan(query, List.copyOf(unquoted), List.copyOf(emptyQualifiers), truncated, unclosedQuote);
    }

    private static Optional<Qualifier> qualifierOf(String token) {
        return Terms.readsAsQualifier(token) ? Qualifier.named(token.substring(0, token.indexOf(':'))) : Optional.empty();
    }
}
