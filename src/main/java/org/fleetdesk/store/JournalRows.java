package org.fleetdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Copies the journal's rows into the journal file from elsewhere: from a cache of schema version 2 or older (where
 * they used to live) when it is upgraded, and, row by row, from a damaged file moved aside (an old cache or a journal)
 * so that as much as can still be read survives. Rows already in the journal are kept (same key: not copied again),
 * so both copies can be repeated after a crash without duplicating anything.
 */
final class JournalRows {
    /** The journal's tables, parents before children (the targets and samples reference their rollout). */
    private static final List<Table> TABLES = List.of(
            new Table("rollouts", "rowid"),
            new Table("rollout_targets", "rollout_id, device_id"),
            new Table("rollout_samples", "rollout_id, at"),
            new Table("activity", "seq"),
            new Table("saved_searches", "rowid"));

    private record Table(String name, String key) {
        String keyDescending() {
            return String.join(" DESC, ", key.split(", ")) + " DESC";
        }
    }

    /** What a salvage copied per table, and whether every row of the damaged file could be read. */
    record Salvage(Map<String, Integer> copied, boolean complete) {
        int total() {
            return copied.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** "3 rollouts (120 targets), 40 activity entries and 2 saved searches", or "nothing". */
        String describe() {
            List<String> parts = new ArrayList<>();
            int rollouts = copied.getOrDefault("rollouts", 0);
            int targets = copied.getOrDefault("rollout_targets", 0);
            if (rollouts > 0 || targets > 0) {
                parts.add(plural(rollouts, "rollout") + " (" + plural(targets, "target") + ")");
            }
            int activity = copied.getOrDefault("activity", 0);
            if (activity > 0) {
                parts.add(plural(activity, "activity entry", "activity entries"));
            }
            int searches = copied.getOrDefault("saved_searches", 0);
            if (searches > 0) {
                parts.add(plural(searches, "saved search", "saved searches"));
            }
            if (parts.isEmpty()) {
                return "nothing";
            }
            String last = parts.remove(parts.size() - 1);
            return parts.isEmpty() ? last : String.join(", ", parts) + " and " + last;
        }

        private static String plural(int n, String one) {
            return plural(n, one, one + "s");
        }

        private static String plural(int n, String one, String many) {
            return n + " " + (n == 1 ? one : many);
        }
    }

    private JournalRows() {
    }

    /**
     * Copies the journal tables of the cache open on {@code cache} into {@code journalFile}, in one transaction of the
     * journal file; the cache's own migration drops them afterwards.
     */
    static void moveOut(Connection cache, Path journalFile) throws SQLException {
        try (Statement s = cache.createStatement()) {
            try (PreparedStatement attach = cache.prepareStatement("ATTACH DATABASE ? AS journal")) {
                attach.setString(1, journalFile.toString());
                attach.execute();
            }
            try {
                s.execute("BEGIN IMMEDIATE");
                try {
                    for (Table table : TABLES) {
                        String columns = String.join(", ", columns(cache, "journal", table.name()));
                        s.executeUpdate("INSERT OR IGNORE INTO journal." + table.name() + "(" + columns + ") SELECT "
                                + columns + " FROM main." + table.name());
                    }
                    s.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
            } finally {
                s.execute("DETACH DATABASE journal");
            }
        }
    }

    /**
     * Copies every journal row that can still be read from the damaged file {@code damaged} into {@code journal}:
     * each table is read forwards up to the first damaged page, then backwards from its end to the last one.
     * A file that does not open, or has none of the tables (a newer cache), gives nothing.
     */
    static Salvage salvage(Path damaged, Database journal) {
        Map<String, Integer> copied = new LinkedHashMap<>();
        boolean complete = true;
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection source = config.createConnection("jdbc:sqlite:" + damaged)) {
            for (Table table : TABLES) {
                List<String> columns;
                try {
                    columns = columns(source, "main", table.name());
                } catch (SQLException e) {
                    complete = false;
                    continue;
                }
                if (columns.isEmpty()) {
                    continue;
                }
                List<String> wanted = journal.read(c -> columns(c, "main", table.name()));
                columns.retainAll(wanted);
                List<Object[]> rows = new ArrayList<>();
                String select = "SELECT " + String.join(", ", columns) + " FROM " + table.name() + " ORDER BY ";
                boolean whole = readRows(source, select + table.key(), columns.size(), rows);
                if (!whole) {
                    complete = false;
                    readRows(source, select + table.keyDescending(), columns.size(), rows);
                }
                int[] inserted = {0};
                boolean allInserted = journal.write(c -> insert(c, table.name(), columns, rows, inserted));
                complete &= allInserted;
                copied.put(table.name(), inserted[0]);
            }
        } catch (SQLException e) {
            complete = false;
        }
        return new Salvage(copied, complete);
    }

    /** Reads rows until the end or the first error; true when it reached the end. */
    private static boolean readRows(Connection source, String sql, int width, List<Object[]> into) {
        try (Statement s = source.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object[] row = new Object[width];
                for (int i = 0; i < width; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                into.add(row);
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Inserts the rows not already there; false when some row could not be (e.g. a target whose rollout was lost). */
    private static boolean insert(Connection c, String table, List<String> columns, List<Object[]> rows, int[] inserted)
            throws SQLException {
        boolean all = true;
        String marks = String.join(", ", columns.stream().map(column -> "?").toList());
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO " + table + "("
                + String.join(", ", columns) + ") VALUES (" + marks + ")")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                try {
                    inserted[0] += ps.executeUpdate();
                } catch (SQLException e) {
                    all = false;
                }
            }
        }
        return all;
    }

    /** The table's columns in {@code schema}, in order; empty when there is no such table. */
    private static List<String> columns(Connection c, String schema, String table) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA " + schema + ".table_info(" + table + ")")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        return new ArrayList<>(columns);
    }
}
