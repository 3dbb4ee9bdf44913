package org.fleetdesk.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.query.Folding;
import org.fleetdesk.query.Qualifier;

/**
 * A {@link DeviceQuery} as a SQL condition on {@code devices d}, with the same meaning as
 * {@link org.fleetdesk.query.QueryMatcher}:
 * <ul>
 * <li>{@code model:}/{@code memory:}/{@code os:} → {@code d.filter_x IN (…)}: the columns are {@code NOCASE} and
 * NULL for old clients, which therefore never match;</li>
 * <li>each {@code tag:} → membership in {@code device_tags}, several tags through {@code INTERSECT};</li>
 * <li>free text of 3 or more characters → one FTS5 trigram {@code MATCH} holding every such term as a quoted phrase
 * ({@code "a" AND "b"}, inner quotes doubled); shorter terms, which trigrams cannot find, → {@code instr()} on the
 * lowercased name and serial. Terms are lowercased in Java exactly as the indexed columns were.</li>
 * </ul>
 * Values are always bound as parameters, never spliced into the SQL.
 */
final class QuerySql {
    private final String where;
    private final List<String> params;

    private QuerySql(String where, List<String> params) {
        this.where = where;
        this.params = Collections.unmodifiableList(params);
    }

    static QuerySql of(DeviceQuery query) {
        List<String> conditions = new ArrayList<>();
        List<String> params = new ArrayList<>();
        filter(conditions, params, "d.filter_model", query.values(Qualifier.MODEL));
        filter(conditions, params, "d.filter_memory", query.values(Qualifier.MEMORY));
        filter(conditions, params, "d.filter_os", query.values(Qualifier.OS));
        if (!query.tags().isEmpty()) {
            StringJoiner tags = new StringJoiner(" INTERSECT ", "d.row_id IN (", ")");
            for (String tag : query.tags()) {
                tags.add("SELECT device_row FROM device_tags WHERE tag = ?");
                params.add(tag);
            }
            conditions.add(tags.toString());
        }
        StringJoiner phrases = new StringJoiner(" AND ");
        for (String term : query.text()) {
            String folded = Folding.text(term);
            if (folded.codePointCount(0, folded.length()) >= 3) {
                phrases.add("\"" + folded.replace("\"", "\"\"") + "\"");
            } else {
                conditions.add("(instr(d.name_fold, ?) > 0 OR instr(d.serial_fold, ?) > 0)");
                params.add(folded);
                params.add(folded);
            }
        }
        if (phrases.length() > 0) {
            conditions.add("d.row_id IN (SELECT rowid FROM device_text WHERE device_text MATCH ?)");
            params.add(phrases.toString());
        }
        return new QuerySql(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private static void filter(List<String> conditions, List<String> params, String column, List<String> values) {
        if (!values.isEmpty()) {
            conditions.add(column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")");
            params.addAll(values);
        }
    }

    /** {@code " WHERE …"}, or "" for the empty query. */
    String where() {
        return where;
    }

    /** Binds the parameters of {@link #where()} starting at position {@code first}; returns the next free one. */
    int bind(PreparedStatement ps, int first) throws SQLException {
        int position = first;
        for (String param : params) {
            ps.setString(position++, param);
        }
        return position;
    }

    /** {@code ORDER BY} for a {@link DeviceSort}, giving exactly the order of {@link DeviceSort#comparator()}. */
    static String orderBy(DeviceSort sort) {
        List<String> terms = new ArrayList<>();
        switch (sort.field()) {
            case NAME -> { }
            case SERIAL_NUMBER -> {
                terms.add("d.serial_fold");
                terms.add("coalesce(d.serial_number, '')");
            }
            case MODEL -> rankTerms(terms, Qualifier.MODEL, "d.filter_model");
            case MEMORY -> rankTerms(terms, Qualifier.MEMORY, "d.filter_memory");
            case OS -> rankTerms(terms, Qualifier.OS, "d.filter_os");
        }
        terms.add("d.name_fold");
        terms.add("coalesce(d.name, '')");
        terms.add("d.id");
        String direction = sort.descending() ? " DESC" : "";
        return " ORDER BY " + String.join(direction + ", ", terms) + direction;
    }

    private static void rankTerms(List<String> terms, Qualifier qualifier, String column) {
        StringBuilder rank = new StringBuilder("CASE WHEN " + column + " IS NULL THEN " + DeviceSort.MISSING_RANK);
        int i = 0;
        // The documented values are constants of the application (lowercase letters, digits, '+', '-'): safe inline.
        for (String value : qualifier.knownValues().keySet()) {
            rank.append(" WHEN ").append(column).append(" = '").append(value).append("' THEN ").append(i++);
        }
        rank.append(" ELSE ").append(DeviceSort.UNDOCUMENTED_RANK).append(" END");
        terms.add(rank.toString());
        terms.add("coalesce(" + column + ", '') COLLATE BINARY");
    }
}
