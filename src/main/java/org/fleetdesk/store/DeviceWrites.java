package org.fleetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.fleetdesk.api.Device;
import org.fleetdesk.query.Folding;

/**
 * Writes to {@code devices}, {@code device_tags} and the {@code device_text} full-text index, inside a transaction
 * the caller holds. Replacing the whole set compares content hashes, so a sync that changed little writes little;
 * when most rows change (the first sync) the indexes are dropped and built again once instead of row by row.
 */
final class DeviceWrites {
    private static final int BATCH = 1000;
    private static final String INSERT = "INSERT INTO devices(" + DeviceRows.WRITE_COLUMNS + ") VALUES ("
            + "?, ".repeat(DeviceRows.WRITE_COLUMN_COUNT - 1) + "?)";
    private static final String UPDATE = "UPDATE devices SET "
            + String.join(" = ?, ", DeviceRows.WRITE_COLUMNS.replace(", row_id", "").split(", ")) + " = ? WHERE row_id = ?";

    private final Connection c;

    DeviceWrites(Connection connection) {
        this.c = connection;
    }

    /** Makes the tables hold exactly {@code devices}; returns how many devices that is. */
    int replaceAll(Collection<Device> devices) throws SQLException {
        Map<String, Device> incoming = byId(devices);
        Map<String, long[]> existing = new HashMap<>();
        long maxRow = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, row_id, content_hash FROM devices")) {
            while (rs.next()) {
                long row = rs.getLong(2);
                existing.put(rs.getString(1), new long[] {row, rs.getLong(3)});
                maxRow = Math.max(maxRow, row);
            }
        }
        List<Long> removed = new ArrayList<>();
        existing.forEach((id, row) -> {
            if (!incoming.containsKey(id)) {
                removed.add(row[0]);
            }
        });
        Map<Long, Device> changed = new LinkedHashMap<>();
        Map<Long, Device> added = new LinkedHashMap<>();
        // New rows in id order: the unique index on id then grows at its end instead of at random places,
        // which makes the first sync of a large fleet several times faster.
        List<Device> inIdOrder = new ArrayList<>(incoming.values());
        inIdOrder.sort(Comparator.comparing(Device::id));
        for (Device device : inIdOrder) {
            long[] row = existing.get(device.id());
            if (row == null) {
                added.put(++maxRow, device);
            } else if (row[1] != DeviceRows.hash(device)) {
                changed.put(row[0], device);
            }
        }
        int changes = removed.size() + changed.size() + added.size();
        // When most rows change (the first sync), rebuilding the indexes once is cheaper than updating them per row.
        boolean bulk = changes * 4L > Math.max(existing.size(), incoming.size());
        List<String> secondaryIndexes = bulk ? dropSecondaryIndexes() : List.of();
        if (!bulk) {
            deleteText(removed);
            deleteText(changed.keySet());
        }
        deleteRows("DELETE FROM devices WHERE row_id = ?", removed);
        writeRows(UPDATE, changed);
        deleteRows("DELETE FROM device_tags WHERE device_row = ?", changed.keySet());
        writeRows(INSERT, added);
        insertTags(changed);
        insertTags(added);
        if (bulk) {
            rebuildText();
            try (Statement s = c.createStatement()) {
                for (String index : secondaryIndexes) {
                    s.execute(index);
                }
            }
        } else {
            insertText(changed);
            insertText(added);
        }
        return incoming.size();
    }

    void upsert(Device device) throws SQLException {
        requireId(device);
        Long row = rowOf(device.id());
        if (row == null) {
            long next;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT coalesce(max(row_id), 0) + 1 FROM devices")) {
                rs.next();
                next = rs.getLong(1);
            }
            writeRows(INSERT, Map.of(next, device));
            insertTags(Map.of(next, device));
            insertText(Map.of(next, device));
        } else {
            deleteText(List.of(row));
            writeRows(UPDATE, Map.of(row, device));
            deleteRows("DELETE FROM device_tags WHERE device_row = ?", List.of(row));
            insertTags(Map.of(row, device));
            insertText(Map.of(row, device));
        }
    }

    boolean delete(String id) throws SQLException {
        Long row = rowOf(id);
        if (row == null) {
            return false;
        }
        deleteText(List.of(row));
        deleteRows("DELETE FROM devices WHERE row_id = ?", List.of(row));
        return true;
    }

    private Long rowOf(String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT row_id FROM devices WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static Map<String, Device> byId(Collection<Device> devices) {
        Map<String, Device> byId = new LinkedHashMap<>(devices.size() * 2);
        for (Device device : devices) {
            requireId(device);
            byId.put(device.id(), device);
        }
        return byId;
    }

    private static void requireId(Device device) {
        if (device.id() == null || device.id().isEmpty()) {
            throw new IllegalArgumentException("a device without an id cannot be cached: " + device.name());
        }
    }

    private void writeRows(String sql, Map<Long, Device> rows) throws SQLException {
        batch(sql, rows.entrySet(), (ps, row) -> DeviceRows.bind(ps, row.getValue(), row.getKey()));
    }

    private void insertTags(Map<Long, Device> rows) throws SQLException {
        List<Map.Entry<Long, String>> tags = new ArrayList<>();
        rows.forEach((row, device) -> new LinkedHashSet<>(device.tags()).forEach(tag -> tags.add(Map.entry(row, tag))));
        batch("INSERT OR IGNORE INTO device_tags(device_row, tag) VALUES (?, ?)", tags, (ps, tag) -> {
            ps.setLong(1, tag.getKey());
            ps.setString(2, tag.getValue());
        });
    }

    private void insertText(Map<Long, Device> rows) throws SQLException {
        batch("INSERT INTO device_text(rowid, name_fold, serial_fold) VALUES (?, ?, ?)", rows.entrySet(), (ps, row) -> {
            ps.setLong(1, row.getKey());
            ps.setString(2, Folding.text(row.getValue().name()));
            ps.setString(3, Folding.text(row.getValue().serialNumber()));
        });
    }

    private void deleteText(Collection<Long> rows) throws SQLException {
        deleteRows("DELETE FROM device_text WHERE rowid = ?", rows);
    }

    /**
     * Drops the declared indexes of the device tables (not the ones that enforce uniqueness) and returns the SQL
     * that creates them again, read from the schema itself so that it always matches the current migration.
     */
    private List<String> dropSecondaryIndexes() throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master"
                + " WHERE type = 'index' AND tbl_name IN ('devices', 'device_tags') AND sql IS NOT NULL")) {
            while (rs.next()) {
                indexes.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        List<String> create = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String[] index : indexes) {
                s.execute("DROP INDEX \"" + index[0].replace("\"", "\"\"") + "\"");
                create.add(index[1]);
            }
        }
        return create;
    }

    private void rebuildText() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO device_text(device_text) VALUES ('delete-all')");
            s.execute("INSERT INTO device_text(rowid, name_fold, serial_fold)"
                    + " SELECT row_id, name_fold, serial_fold FROM devices");
        }
    }

    private void deleteRows(String sql, Collection<Long> rows) throws SQLException {
        batch(sql, rows, (ps, row) -> ps.setLong(1, row));
    }

    private interface Binder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    private <T> void batch(String sql, Iterable<T> items, Binder<T> binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (T item : items) {
                binder.bind(ps, item);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }
}
