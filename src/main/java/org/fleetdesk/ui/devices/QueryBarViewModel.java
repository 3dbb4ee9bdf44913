package org.fleetdesk.ui.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.fleetdesk.query.Completion;
import org.fleetdesk.query.Completions;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.query.FacetCounts;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.query.QueryPrinter;
import org.fleetdesk.query.QueryValidator;
import org.fleetdesk.query.QueryWarning;
import org.fleetdesk.query.Qualifier;

/**
 * The search bar's state: qualifier filters as chips, followed by free text. Both together are one query
 * ({@link #queryProperty()}), whose canonical string is {@link #queryStringProperty()}. A qualifier term becomes a
 * chip once it is complete: followed by a space, chosen from the suggestions, pasted, or committed with Enter.
 */
public final class QueryBarViewModel {
    private final Supplier<FacetCounts> fleetFacets;
    private final ObservableList<QueryChip> chips = FXCollections.observableArrayList();
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<DeviceQuery> query = new ReadOnlyObjectWrapper<>(DeviceQuery.EMPTY);
    private final ReadOnlyStringWrapper queryString = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper("");
    private boolean quiet;

    /** The text and caret after an edit. */
    public record Edit(String text, int caret) {
    }

    /** {@code fleetFacets} gives the cached fleet's value counts that suggestions show. */
    public QueryBarViewModel(Supplier<FacetCounts> fleetFacets) {
        this.fleetFacets = fleetFacets;
        chips.addListener((ListChangeListener<QueryChip>) change -> update());
        text.addListener((obs, old, now) -> update());
    }

    public ObservableList<QueryChip> chips() {
        return chips;
    }

    /** The free text after the chips, as typed; the text field writes every edit here. */
    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyObjectProperty<DeviceQuery> queryProperty() {
        return query.getReadOnlyProperty();
    }

    public DeviceQuery query() {
        return query.get();
    }

    public ReadOnlyStringProperty queryStringProperty() {
        return queryString.getReadOnlyProperty();
    }

    /** What looks wrong in the query (unknown values, a quote left open), one warning per line; empty when fine. */
    public ReadOnlyStringProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    /** Shows {@code newQuery}: its qualifier values as chips (canonical order), its free text as the text. */
    public void setQuery(DeviceQuery newQuery) {
        List<QueryChip> replacement = new ArrayList<>();
        for (Qualifier q : Qualifier.values()) {
            newQuery.values(q).forEach(value -> replacement.add(new QueryChip(q, value)));
        }
        quiet = true;
        try {
            text.set(String.join(" ", newQuery.text().stream().map(QueryPrinter::printTerm).toList()));
            chips.setAll(replacement);
        } finally {
            quiet = false;
        }
        update();
    }

    /** Parses a whole query string (a saved search, a pasted query) into chips and text. */
    public void setQueryString(String input) {
        setQuery(QueryParser.parse(input));
    }

    /** Adds a filter chip, unless the same filter is already there. */
    public void addFilter(Qualifier qualifier, String value) {
        if (value == null || value.isBlank() || chips.stream().anyMatch(c -> c.sameFilter(qualifier, value))) {
            return;
        }
        chips.add(new QueryChip(qualifier, value));
    }

    public void removeChip(QueryChip chip) {
        chips.remove(chip);
    }

    /** Backspace at the start of the text: removes the last chip; false when there is none. */
    public boolean removeLastChip() {
        if (chips.isEmpty()) {
            return false;
        }
        chips.remove(chips.size() - 1);
        return true;
    }

    public void clear() {
        setQuery(DeviceQuery.EMPTY);
    }

    /**
     * An edit the text field is about to make: every complete qualifier term of {@code proposed} (followed by a
     * space; with {@code pasted}, the last one too) becomes a chip. Returns the text and caret the field should show.
     */
    public Edit edit(String proposed, int caret, boolean pasted) {
        return chipCompletedTerms(proposed, caret, pasted);
    }

    /** Pastes {@code pasted} over {@code selectionStart..selectionEnd} of the text; returns the caret afterwards. */
    public int paste(String pasted, int selectionStart, int selectionEnd) {
        String current = text.get();
        String before = current.substring(0, selectionStart) + (pasted == null ? "" : pasted.replaceAll("\\s+", " "));
        return apply(chipCompletedTerms(before + current.substring(selectionEnd), before.length(), true));
    }

    /** Enter: every qualifier term in the text, including the last one, becomes a chip. */
    public void commit() {
        apply(chipCompletedTerms(text.get(), text.get().length(), true));
    }

    /** Suggestions for the term before {@code caret}, with fleet counts; values already filtered are left out. */
    public List<Completion> suggestions(int caret) {
        String prefix = QueryPrinter.print(chipQuery());
        String context = prefix.isEmpty() ? "" : prefix + " ";
        List<Completion> found = Completions.suggest(context + text.get().substring(0, caret), fleetFacets.get());
        return found.stream().map(c -> new Completion(c.kind(), c.start() - context.length(), c.replacement(),
                c.label(), c.count())).toList();
    }

    /** Applies a suggestion to the term before {@code caret}; returns the caret position afterwards. */
    public int choose(Completion completion, int caret) {
        String current = text.get();
        String before = completion.applyTo(current.substring(0, caret));
        String after = current.substring(caret);
        if (completion.kind() == Completion.Kind.VALUE && !after.isEmpty() && !TextTerms.isSeparator(after.charAt(0))) {
            after = " " + after;
        }
        return apply(chipCompletedTerms(before + after, before.length(), false));
    }

    private int apply(Edit edit) {
        text.set(edit.text());
        return edit.caret();
    }

    /**
     * Moves complete qualifier terms from {@code current} to chips; a term is complete when a space follows it (or it
     * is the last one and {@code includeLast}). The caret moves left by what was removed before it.
     */
    private Edit chipCompletedTerms(String current, int caret, boolean includeLast) {
        StringBuilder kept = new StringBuilder();
        List<QueryChip> found = new ArrayList<>();
        int removedBeforeCaret = 0;
        int copied = 0;
        for (TextTerms.Span span : TextTerms.spans(current)) {
            boolean complete = span.end() < current.length() || includeLast;
            QueryChip chip = span.quoted() || !complete ? null : onlyQualifier(QueryParser.parse(span.text(current)));
            if (chip == null) {
                continue;
            }
            int removeEnd = span.end();
            while (removeEnd < current.length() && TextTerms.isSeparator(current.charAt(removeEnd))) {
                removeEnd++;
            }
            kept.append(current, copied, span.start());
            removedBeforeCaret += Math.max(0, Math.min(caret, removeEnd) - span.start());
            copied = removeEnd;
            found.add(chip);
        }
        if (found.isEmpty()) {
            return new Edit(current, caret);
        }
        kept.append(current.substring(copied));
        found.forEach(chip -> addFilter(chip.qualifier(), chip.value()));
        return new Edit(kept.toString(), caret - removedBeforeCaret);
    }

    private static QueryChip onlyQualifier(DeviceQuery parsed) {
        if (!parsed.text().isEmpty()) {
            return null;
        }
        for (Qualifier q : Qualifier.values()) {
            if (!parsed.values(q).isEmpty()) {
                return new QueryChip(q, parsed.values(q).get(0));
            }
        }
        return null;
    }

    private DeviceQuery chipQuery() {
        DeviceQuery q = DeviceQuery.EMPTY;
        for (QueryChip chip : chips) {
            q = q.with(chip.qualifier(), chip.value());
        }
        return q;
    }

    private void update() {
        if (quiet) {
            return;
        }
        DeviceQuery typed = QueryParser.parse(text.get());
        DeviceQuery combined = chipQuery();
        for (Qualifier q : Qualifier.values()) {
            for (String value : typed.values(q)) {
                combined = combined.with(q, value);
            }
        }
        for (String term : typed.text()) {
            combined = combined.withText(term);
        }
        query.set(combined);
        String printed = QueryPrinter.print(combined);
        queryString.set(printed);
        warnings.set(String.join("\n", QueryValidator.validate(QueryPrinter.print(chipQuery()) + " " + text.get()).stream()
                .map(QueryWarning::message).toList()));
    }
}
