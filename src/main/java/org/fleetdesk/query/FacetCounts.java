package org.fleetdesk.query;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How many devices of a result have each model, memory, OS and tag value (keys ASCII-lowercased, see
 * {@link Folding#value}), how many run an old client (no board, OS or filters), and the result's size. Feeds charts
 * and the counts shown by {@link Completions}.
 */
public record FacetCounts(int total, int oldClients, Map<String, Integer> models, Map<String, Integer> memories,
                          Map<String, Integer> oses, Map<String, Integer> tags) {
    public static final FacetCounts NONE = new FacetCounts(0, 0, Map.of(), Map.of(), Map.of(), Map.of());

    public FacetCounts {
        models = Map.copyOf(models);
        memories = Map.copyOf(memories);
        oses = Map.copyOf(oses);
        tags = Map.copyOf(tags);
    }

    public Map<String, Integer> counts(Qualifier qualifier) {
        return switch (qualifier) {
            case MODEL -> models;
            case MEMORY -> memories;
            case OS -> oses;
            case TAG -> tags;
        };
    }

    /** The qualifier's values, most frequent first (ties in alphabetical order). */
    public List<Map.Entry<String, Integer>> ranked(Qualifier qualifier) {
        return counts(qualifier).entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }
}
