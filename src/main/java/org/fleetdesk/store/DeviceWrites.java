package org.fleetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import org.fleetdesk.api.Device;
import org.fleetdesk.query.Folding;

/**
 * Writes one device to {@code devices}, {@code device_tags} and the {@code device_text} full-text index, inside a
 * transaction the caller holds, and the statements that {@link DeviceReplacement} shares.
 */
final class DeviceWrites {
    static final String INSERT = "INSERT INTO devices(" + DeviceRows.WRITE_COLUMNS + ") VALUES ("
            + "?, ".repeat(DeviceRows.WRITE_COLUMN_COUNT - 1) + "?)";
    static final String UPDATE = "UPDATE devices SET "
            + String.join(" = ?, ", DeviceRows.WRITE_COLUMNS.replace(", row_id", "").split(", ")) + " = ? WHERE row_id = ?";
    static final String INSERT_TAG = "INSERT OR IGNORE INTO device_tags(device_row, tag) VALUES (?, ?)";
    static final String INSERT_TEXT = "INSERT INTO device_text(rowid, name_fold, serial_fold) VALUES (?, ?, ?)";

    private final Connection c;

    DeviceWrites(Connection connection) {
        this.c = connection;
    }

    record Outcome(int added, int changed, int removed, int total) {
    }

    void upsert(Device device) throws SQLException {
        requireId(device);
        Long row = rowOf(device.id());
        if (row == null) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT coalesce(max(row_id), 0) + 1 FROM devices")) {
                rs.next();
                row = rs.getLong(1);
            }
            write(INSERT, device, row);
        } else {
            deleteText(row);
            write(UPDATE, device, row);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM device_tags WHERE device_row = ?")) {
                ps.setLong(1, row);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_TAG)) {
            for (String tag : new LinkedHashSet<>(device.tags())) {
                ps.setLong(1, row);
                ps.setString(2, tag);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_TEXT)) {
            ps.setLong(1, row);
            ps.setString(2, Folding.text(device.name()));
            ps.setString(3, Folding.text(device.serialNumber()));
            ps.executeUpdate();
        }
    }

    boolean delete(String id) throws SQLException {
        Long row = rowOf(id);
        if (row == null) {
            return false;
        }
        deleteText(row);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM devices WHERE row_id = ?")) {
            ps.setLong(1, row);
            ps.executeUpdate();
        }
        return true;
    }

    static void requireId(Device device) {
        if (device.id() == null || device.id().isEmpty()) {
            throw new IllegalArgumentException("a device without an id cannot be cached: " + device.name());
        }
    }

    private Long rowOf(String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT row_id FROM devices WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private void write(String sql, Device device, long row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            DeviceRows.bind(ps, device, row);
            ps.executeUpdate();
        }
    }

    private void deleteText(long row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM device_text WHERE rowid = ?")) {
            ps.setLong(1, row);
            ps.executeUpdate();
        }
    }
}
