package org.fleetdesk.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A parsed device search: the values of each qualifier and the free-text terms, each an ordered list without
 * duplicates (the first occurrence keeps its place). Immutable; the {@code with…}/{@code without…} methods return a
 * changed copy, which is how search chips edit a query.
 * <p>
 * Meaning: a device matches when it has one of the {@code models} (if any), one of the {@code memories} (if any),
 * one of the {@code oses} (if any), every one of the {@code tags}, and contains every {@code text} term in its name or
 * serial number. Invariants (checked, {@link IllegalArgumentException} otherwise): qualifier values are non-empty and
 * contain no separator (space or control character) and no quote; text terms are not blank and contain no control
 * character.
 * {@link QueryParser} only produces queries that satisfy them.
 */
public record DeviceQuery(List<String> models, List<String> memories, List<String> oses, List<String> tags,
                          List<String> text) {
    public static final DeviceQuery EMPTY = new DeviceQuery(List.of(), List.of(), List.of(), List.of(), List.of());

    public DeviceQuery {
        models = values(models, Qualifier.MODEL);
        memories = values(memories, Qualifier.MEMORY);
        oses = values(oses, Qualifier.OS);
        tags = values(tags, Qualifier.TAG);
        text = terms(text);
    }

    public List<String> values(Qualifier qualifier) {
        return switch (qualifier) {
            case MODEL -> models;
            case MEMORY -> memories;
            case OS -> oses;
            case TAG -> tags;
        };
    }

    /** This query with {@code value} added to the qualifier's values (unchanged when already there). */
    public DeviceQuery with(Qualifier qualifier, String value) {
        return withValues(qualifier, append(values(qualifier), value));
    }

    public DeviceQuery without(Qualifier qualifier, String value) {
        return withValues(qualifier, remove(values(qualifier), value));
    }

    public DeviceQuery withText(String term) {
        return new DeviceQuery(models, memories, oses, tags, append(text, term));
    }

    public DeviceQuery withoutText(String term) {
        return new DeviceQuery(models, memories, oses, tags, remove(text, term));
    }

    /** True when the query has no qualifier and no text: it matches every device. */
    public boolean isEmpty() {
        return models.isEmpty() && memories.isEmpty() && oses.isEmpty() && tags.isEmpty() && text.isEmpty();
    }

    /** The canonical query string ({@link QueryPrinter}). */
    @Override
    public String toString() {
        return QueryPrinter.print(this);
    }

    private DeviceQuery withValues(Qualifier qualifier, List<String> values) {
        return new DeviceQuery(qualifier == Qualifier.MODEL ? values : models,
                qualifier == Qualifier.MEMORY ? values : memories, qualifier == Qualifier.OS ? values : oses,
                qualifier == Qualifier.TAG ? values : tags, text);
    }

    private static List<String> append(List<String> list, String value) {
        List<String> copy = new ArrayList<>(list);
        copy.add(value);
        return copy;
    }

    private static List<String> remove(List<String> list, String value) {
        List<String> copy = new ArrayList<>(list);
        copy.remove(value);
        return copy;
    }

    private static List<String> values(List<String> values, Qualifier qualifier) {
        for (String value : values) {
            if (value == null || value.isEmpty() || Terms.hasSeparator(value) || value.indexOf('"') >= 0) {
                throw new IllegalArgumentException(qualifier.key() + ": value \"" + value
                        + "\" must be non-empty and contain no spaces, control characters or quotes");
            }
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static List<String> terms(List<String> terms) {
        for (String term : terms) {
            if (term == null || Terms.isBlank(term) || Terms.hasControl(term)) {
                throw new IllegalArgumentException("free-text term \"" + term
                        + "\" must not be blank or contain control characters");
            }
        }
        return List.copyOf(new LinkedHashSet<>(terms));
    }
}
