package org.fleetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The cached copy of one API resource (artefacts, auth-key metadata, device identities): replaced as a whole by a
 * sync, or changed one item at a time after the API confirmed a create, update or delete.
 */
public final class CachedTable<T> {
    private final Database db;
    private final Clock clock;
    private final TableMapping<T> mapping;
    private final String upsert;

    CachedTable(Database db, Clock clock, TableMapping<T> mapping) {
        this.db = db;
        this.clock = clock;
        this.mapping = mapping;
        String columns = String.join(", ", mapping.columns());
        String placeholders = String.join(", ", Collections.nCopies(mapping.columns().size(), "?"));
        List<String> updates = new ArrayList<>();
        for (String column : mapping.columns().subList(1, mapping.columns().size())) {
            updates.add(column + " = excluded." + column);
        }
        upsert = "INSERT INTO " + mapping.table() + "(" + columns + ") VALUES (" + placeholders + ") ON CONFLICT(id)"
                + " DO UPDATE SET " + String.join(", ", updates);
    }

    /** Makes the cache hold exactly {@code items} (one transaction) and stamps the resource as fully synced now. */
    public void replaceAll(Collection<T> items) {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM " + mapping.table());
            }
            write(c, items);
            SyncStates.record(c, mapping.resource(), clock.instant(), count(c));
            return null;
        });
    }

    public void upsert(T item) {
        db.write(c -> {
            write(c, List.of(item));
            return null;
        });
    }

    /** Removes the item with {@code id}; false when it was not cached. */
    public boolean delete(String id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + mapping.table() + " WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public List<T> all() {
        return db.read(c -> select(c, "", null));
    }

    public Optional<T> get(String id) {
        return db.read(c -> select(c, " WHERE id = ?", id).stream().findFirst());
    }

    private List<T> select(Connection c, String where, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", mapping.columns()) + " FROM "
                + mapping.table() + where + " ORDER BY " + mapping.orderBy())) {
            if (id != null) {
                ps.setString(1, id);
            }
            List<T> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(mapping.reader().read(rs));
                }
            }
            return items;
        }
    }

    private void write(Connection c, Collection<T> items) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(upsert)) {
            for (T item : items) {
                if (mapping.id().apply(item) == null) {
                    throw new IllegalArgumentException("an item without an id cannot be cached in " + mapping.table());
                }
                mapping.binder().bind(ps, item);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + mapping.table())) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
