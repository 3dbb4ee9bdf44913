package org.fleetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code sync_state} table, inside a transaction the caller holds. */
final class SyncStates {
    private SyncStates() {
    }

    static void record(Connection c, CachedResource resource, Instant at, int count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_state(resource, last_full_sync, item_count)"
                + " VALUES (?, ?, ?) ON CONFLICT(resource) DO UPDATE SET last_full_sync = excluded.last_full_sync,"
                + " item_count = excluded.item_count")) {
            ps.setString(1, resource.key());
            ps.setLong(2, at.toEpochMilli());
            ps.setInt(3, count);
            ps.executeUpdate();
        }
    }

    static Optional<SyncState> read(Connection c, CachedResource resource) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_full_sync, item_count FROM sync_state WHERE resource = ?")) {
            ps.setString(1, resource.key());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new SyncState(resource, Instant.ofEpochMilli(rs.getLong(1)), rs.getInt(2)))
                        : Optional.empty();
            }
        }
    }
}
