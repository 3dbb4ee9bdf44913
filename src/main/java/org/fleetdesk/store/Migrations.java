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
 * The schema's versions, applied in order at open. The version reached is {@code PRAGMA user_version}; each
 * migration is a resource {@code migrations/V<n>__<what>.sql} applied in one transaction with the version bump, so a
 * crash leaves either the old or the new schema.
 */
final class Migrations {
    static final List<String> SCRIPTS = List.of("V1__initial.sql", "V2__rollout_journal.sql");

    private Migrations() {
    }

    static int latest() {
        return SCRIPTS.size();
    }

    static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Applies every migration after {@code from}; the caller has checked that {@code from <= latest()}. */
    static void apply(Connection connection, int from) throws SQLException {
        for (int version = from + 1; version <= latest(); version++) {
            try (Statement s = connection.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    for (String sql : statements(SCRIPTS.get(version - 1))) {
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
    static List<String> statements(String script) {
        String text;
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
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
