package org.fleetdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The versions of one file's schema, applied in order at open. The version reached is {@code PRAGMA user_version};
 * each migration is a resource {@code <folder>/V<n>__<what>.sql} applied in one transaction with the version bump, so
 * a crash leaves either the old or the new schema.
 */
final class Migrations {
    /** The cache: what a sync rebuilds. Version 3 moved the journals out to their own file ({@link #JOURNAL}). */
    static final Migrations CACHE = new Migrations("migrations",
            List.of("V1__initial.sql", "V2__rollout_journal.sql", "V3__journals_moved_out.sql"));
    /** The cache version whose migration moved the journals out; the rows are copied just before it runs. */
    static final int JOURNALS_MOVED_OUT = 3;
    /** The journal: what a sync cannot rebuild (rollouts, the activity log, saved searches). */
    static final Migrations JOURNAL = new Migrations("journal-migrations", List.of("V1__journal.sql"));

    /** Work done in the migrating connection before a version's script runs, outside its transaction. */
    @FunctionalInterface
    interface BeforeVersion {
        BeforeVersion NOTHING = (connection, version) -> { };

        void run(Connection connection, int version) throws SQLException;
    }

    private final String folder;
    private final List<String> scripts;

    private Migrations(String folder, List<String> scripts) {
        this.folder = folder;
        this.scripts = scripts;
    }

    int latest() {
        return scripts.size();
    }

    static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Applies every migration after {@code from}; the caller has checked that {@code from <= latest()}. */
    void apply(Connection connection, int from, BeforeVersion before) throws SQLException {
        for (int version = from + 1; version <= latest(); version++) {
            before.run(connection, version);
            try (Statement s = connection.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    for (String sql : statements(scripts.get(version - 1))) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + version);
                    s.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
            }
        }
    }

    /** The statements of a script: comment lines dropped, each statement ending with {@code ;} at a line's end. */
    List<String> statements(String script) {
        String text;
        try (InputStream in = Migrations.class.getResourceAsStream(folder + "/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration " + script + " is missing from the application");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("migration " + script + " ends without ';'");
        }
        return statements;
    }
}
