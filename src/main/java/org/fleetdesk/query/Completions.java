package org.fleetdesk.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Suggestions for the term being typed, from the text before the cursor and the facet counts of the cached fleet
 * (pass {@code FleetIndex.facets(DeviceQuery.EMPTY)} for fleet-wide counts).
 * <ul>
 * <li>A term without a qualifier: first the qualifiers it begins ({@code mod} → {@code model:}; all four for an
 * empty term), then, when something is typed, the fleet's values of any qualifier that begin with it
 * ({@code kio} → {@code tag:kiosk (412)}).</li>
 * <li>After a qualifier ({@code tag:k}): that qualifier's values in the fleet that begin with what follows the
 * colon.</li>
 * </ul>
 * Values already in the query are not offered again; values are ordered by count, most frequent first. Inside an
 * open quote nothing is suggested. At most {@value #MAX} suggestions.
 */
public final class Completions {
    public static final int MAX = 20;

    private Completions() {
    }

    public static List<Completion> suggest(String textBeforeCursor, FacetCounts facets) {
        String text = textBeforeCursor == null ? "" : textBeforeCursor;
        if (text.length() > QueryParser.MAX_LENGTH || QueryParser.scan(text).unclosedQuote()) {
            return List.of();
        }
        int start = text.length();
        while (start > 0 && !Terms.isSeparator(text.charAt(start - 1))) {
            start--;
        }
        String token = text.substring(start);
        DeviceQuery before = QueryParser.parse(text.substring(0, start));
        List<Completion> out = new ArrayList<>();
        int colon = token.indexOf(':');
        Optional<Qualifier> typed = colon > 0 ? Qualifier.named(token.substring(0, colon)) : Optional.empty();
        if (typed.isPresent()) {
            addValues(out, List.of(typed.get()), token.substring(colon + 1), start, before, facets);
        } else if (colon < 0) {
            String prefix = token.toLowerCase(Locale.ROOT);
            for (Qualifier q : Qualifier.values()) {
                if (q.key().startsWith(prefix)) {
                    out.add(new Completion(Completion.Kind.QUALIFIER, start, q.key() + ":", q.key() + ":", -1));
                }
            }
            if (!token.isEmpty()) {
                addValues(out, List.of(Qualifier.values()), token, start, before, facets);
            }
        }
        return out.size() > MAX ? List.copyOf(out.subList(0, MAX)) : List.copyOf(out);
    }

    private static void addValues(List<Completion> out, List<Qualifier> qualifiers, String valuePrefix, int start,
                                  DeviceQuery before, FacetCounts facets) {
        String prefix = Folding.value(valuePrefix);
        List<Completion> values = new ArrayList<>();
        for (Qualifier q : qualifiers) {
            Set<String> present = new HashSet<>();
            before.values(q).forEach(v -> present.add(Folding.value(v)));
            for (Map.Entry<String, Integer> e : facets.counts(q).entrySet()) {
                if (e.getKey().startsWith(prefix) && !present.contains(e.getKey()) && !e.getKey().isEmpty()
                        && !Terms.hasSeparator(e.getKey())) {
                    String term = q.key() + ":" + e.getKey();
                    values.add(new Completion(Completion.Kind.VALUE, start, term + " ",
                            term + " (" + e.getValue() + ")", e.getValue()));
                }
            }
        }
        values.sort(Comparator.comparingInt(Completion::count).reversed().thenComparing(Completion::label));
        out.addAll(values);
    }
}
