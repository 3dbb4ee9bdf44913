package org.fleetdesk.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fleetdesk.api.Validation;

/**
 * Explains what in a query string looks wrong, without refusing it: values outside the documented tables
 * ({@code model:6}), tags no device can have, qualifiers with no value ({@code tag:}), unknown qualifiers
 * ({@code modle:5}), a quote left open, a query cut at {@link QueryParser#MAX_LENGTH}.
 */
public final class QueryValidator {
    private static final Map<Qualifier, String> EXAMPLES = Map.of(Qualifier.MODEL, "model:5",
            Qualifier.MEMORY, "memory:4gb", Qualifier.OS, "os:raspios-13", Qualifier.TAG, "tag:production");

    private QueryValidator() {
    }

    public static List<QueryWarning> validate(String input) {
        QueryParser.Scan scan = QueryParser.scan(input);
        List<QueryWarning> warnings = new ArrayList<>();
        if (scan.truncated()) {
            warnings.add(new QueryWarning("", "the query is longer than " + QueryParser.MAX_LENGTH
                    + " characters; only the first " + QueryParser.MAX_LENGTH + " were used"));
        }
        if (scan.unclosedQuote()) {
            warnings.add(new QueryWarning("", "a quote is not closed, so the phrase runs to the end of the query;"
                    + " add the closing \""));
        }
        for (Qualifier qualifier : List.of(Qualifier.MODEL, Qualifier.MEMORY, Qualifier.OS)) {
            for (String value : scan.query().values(qualifier)) {
                if (qualifier.rank(value) < 0) {
                    warnings.add(new QueryWarning(qualifier.key() + ":" + value, unknownValue(qualifier, value)));
                }
            }
        }
        for (String tag : scan.query().tags()) {
            String problem = Validation.tagProblem(Folding.value(tag));
            if (problem != null) {
                warnings.add(new QueryWarning("tag:" + tag, "no device can have this tag, so tag:"
                        + Validation.printable(tag) + " matches nothing. " + problem));
            }
        }
        for (String empty : scan.emptyQualifiers()) {
            String name = empty.substring(0, empty.indexOf(':'));
            warnings.add(new QueryWarning(empty, name + ": needs a value, e.g. "
                    + EXAMPLES.get(Qualifier.named(name).orElseThrow()) + "; without one it is ignored"));
        }
        for (String term : scan.unquotedText()) {
            qualifierProblem(term).ifPresent(message -> warnings.add(new QueryWarning(term, message)));
        }
        return warnings;
    }

    private static Optional<String> qualifierProblem(String term) {
        int colon = term.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String name = term.substring(0, colon);
        if (!name.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String guess = Arrays.stream(Qualifier.values()).map(Qualifier::key)
                .filter(key -> editDistance(key, lower) <= 2).findFirst()
                .map(key -> "did you mean " + key + ":? ").orElse("");
        return Optional.of("unknown qualifier \"" + Validation.printable(name) + ":\", so \""
                + Validation.printable(term) + "\" is searched as text; " + guess
                + "the qualifiers are model:, memory:, os: and tag:");
    }

    private static String unknownValue(Qualifier qualifier, String value) {
        String typed = Folding.value(value);
        List<String> guesses = qualifier.knownValues().entrySet().stream()
                .filter(e -> resembles(typed, e.getKey(), e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (guesses.size() > 3) {
            guesses = List.of();
        }
        String known = String.join(", ", qualifier.knownValues().keySet());
        String guess = guesses.isEmpty() ? "" : "did you mean "
                + guesses.stream().map(g -> qualifier.key() + ":" + g).collect(Collectors.joining(" or ")) + "? ";
        return "no such " + qualifier.noun() + " \"" + Validation.printable(value) + "\"; " + guess + "known values: "
                + known;
    }

    /** A documented value the user may have meant: {@code 4} → 4b, {@code pi5} → 5, {@code bookworm} → raspios-12. */
    private static boolean resembles(String typed, String value, String label) {
        String stripped = typed.replaceFirst("^(raspberrypi|raspberry-pi|rpi|pi)-?", "");
        return value.startsWith(typed) || stripped.equals(value)
                || (typed.length() >= 3 && label.toLowerCase(Locale.ROOT).contains(typed))
                || (value.length() >= 3 && editDistance(value, typed) == 1);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
