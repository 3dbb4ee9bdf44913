package org.fleetdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.fleetdesk.api.Board;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.OsInfo;
import org.fleetdesk.query.Folding;

/** How a {@link Device} is laid out in the {@code devices} table, and back. */
final class DeviceRows {
    /** The columns a device is read from, in the order {@link #read} expects, for a table aliased {@code d}. */
    static final String SELECT_COLUMNS = "d.id, d.name, d.serial_number, d.board_model, d.board_revision,"
            + " d.board_memory, d.os_name, d.os_version, d.kernel_architecture, d.filter_model, d.filter_memory,"
            + " d.filter_os, d.tags_json";
    /** The columns {@link #bind} fills, in order; {@code row_id} comes last so one binding serves insert and update. */
    static final String WRITE_COLUMNS = "id, name, serial_number, board_model, board_revision, board_memory, os_name,"
            + " os_version, kernel_architecture, filter_model, filter_memory, filter_os, old_client, tags_json,"
            + " name_fold, serial_fold, content_hash, row_id";
    static final int WRITE_COLUMN_COUNT = 18;

    private DeviceRows() {
    }

    static void bind(PreparedStatement ps, Device d, long rowId) throws SQLException {
        Board board = d.board();
        OsInfo os = d.os();
        ps.setString(1, d.id());
        ps.setString(2, d.name());
        ps.setString(3, d.serialNumber());
        ps.setString(4, board == null ? null : board.model());
        ps.setString(5, board == null ? null : board.revision());
        ps.setString(6, board == null ? null : board.memory());
        ps.setString(7, os == null ? null : os.name());
        ps.setString(8, os == null ? null : os.version());
        ps.setString(9, d.kernelArchitecture());
        ps.setString(10, d.filters().get("model"));
        ps.setString(11, d.filters().get("memory"));
        ps.setString(12, d.filters().get("os"));
        ps.setInt(13, d.isOldClient() ? 1 : 0);
        ps.setString(14, JsonText.tags(d.tags()));
        ps.setString(15, Folding.text(d.name()));
        ps.setString(16, Folding.text(d.serialNumber()));
        ps.setLong(17, hash(d));
        ps.setLong(18, rowId);
    }

    static Device read(ResultSet rs) throws SQLException {
        String boardModel = rs.getString(4);
        String boardRevision = rs.getString(5);
        String boardMemory = rs.getString(6);
        Board board = boardModel == null && boardRevision == null && boardMemory == null ? null
                : new Board(boardModel, boardRevision, boardMemory);
        String osName = rs.getString(7);
        String osVersion = rs.getString(8);
        OsInfo os = osName == null && osVersion == null ? null : new OsInfo(osName, osVersion);
        Map<String, String> filters = new HashMap<>(4);
        putIfPresent(filters, "model", rs.getString(10));
        putIfPresent(filters, "memory", rs.getString(11));
        putIfPresent(filters, "os", rs.getString(12));
        return new Device(rs.getString(1), rs.getString(2), rs.getString(3), JsonText.tags(rs.getString(13)), board, os,
                rs.getString(9), filters);
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /**
     * A 64-bit FNV-1a hash of everything the cache keeps of a device, so that a sync can skip the devices that did
     * not change. Each field is preceded by its length (or -1 for null), so no two different devices run together.
     */
    static long hash(Device d) {
        Board board = d.board();
        OsInfo os = d.os();
        long h = 0xcbf29ce484222325L;
        h = mix(h, d.id());
        h = mix(h, d.name());
        h = mix(h, d.serialNumber());
        h = mix(h, board == null ? null : board.model());
        h = mix(h, board == null ? null : board.revision());
        h = mix(h, board == null ? null : board.memory());
        h = mix(h, os == null ? null : os.name());
        h = mix(h, os == null ? null : os.version());
        h = mix(h, d.kernelArchitecture());
        h = mix(h, d.filters().get("model"));
        h = mix(h, d.filters().get("memory"));
        h = mix(h, d.filters().get("os"));
        for (String tag : d.tags()) {
            h = mix(h, tag);
        }
        return h;
    }

    private static long mix(long h, String s) {
        h = step(h, s == null ? -1 : s.length());
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                h = step(h, s.charAt(i));
            }
        }
        return h;
    }

    private static long step(long h, int value) {
        return (h ^ value) * 0x100000001b3L;
    }
}
