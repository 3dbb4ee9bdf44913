package org.fleetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fleetdesk.api.Device;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.query.FacetCounts;
import org.fleetdesk.query.Folding;
import org.fleetdesk.query.Qualifier;

/** Device queries in SQL, inside a read transaction the caller holds. */
final class DeviceReads {
    private final Connection c;

    DeviceReads(Connection connection) {
        this.c = connection;
    }

    List<Device> search(DeviceQuery query, DeviceSort sort, int offset, int limit) throws SQLException {
        QuerySql sql = QuerySql.of(query);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + DeviceRows.SELECT_COLUMNS + " FROM devices d"
                + sql.where() + QuerySql.orderBy(sort) + " LIMIT ? OFFSET ?")) {
            int next = sql.bind(ps, 1);
            ps.setInt(next, limit);
            ps.setInt(next + 1, offset);
            return devices(ps);
        }
    }

    int count(DeviceQuery query) throws SQLException {
        QuerySql sql = QuerySql.of(query);
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM devices d" + sql.where())) {
            sql.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    List<String> matchingIds(DeviceQuery query, DeviceSort sort) throws SQLException {
        QuerySql sql = QuerySql.of(query);
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id FROM devices d" + sql.where()
                + QuerySql.orderBy(sort))) {
            sql.bind(ps, 1);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    FacetCounts facets(DeviceQuery query) throws SQLException {
        QuerySql sql = QuerySql.of(query);
        String facets = "WITH r AS MATERIALIZED (SELECT d.row_id, d.filter_model, d.filter_memory, d.filter_os,"
                + " d.old_client FROM devices d" + sql.where() + ")"
                + " SELECT 'model', filter_model, count(*) FROM r WHERE filter_model IS NOT NULL GROUP BY filter_model"
                + " UNION ALL SELECT 'memory', filter_memory, count(*) FROM r WHERE filter_memory IS NOT NULL"
                + " GROUP BY filter_memory"
                + " UNION ALL SELECT 'os', filter_os, count(*) FROM r WHERE filter_os IS NOT NULL GROUP BY filter_os"
                + " UNION ALL SELECT 'tag', t.tag, count(*) FROM r JOIN device_tags t ON t.device_row = r.row_id"
                + " GROUP BY t.tag"
                + " UNION ALL SELECT 'old', NULL, count(*) FROM r WHERE r.old_client = 1"
                + " UNION ALL SELECT 'total', NULL, count(*) FROM r";
        Map<Qualifier, Map<String, Integer>> counts = new EnumMap<>(Qualifier.class);
        for (Qualifier q : Qualifier.values()) {
            counts.put(q, new HashMap<>());
        }
        int old = 0;
        int total = 0;
        try (PreparedStatement ps = c.prepareStatement(facets)) {
            sql.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(1);
                    switch (kind) {
                        case "old" -> old = rs.getInt(3);
                        case "total" -> total = rs.getInt(3);
                        default -> counts.get(Qualifier.named(kind).orElseThrow())
                                .merge(Folding.value(rs.getString(2)), rs.getInt(3), Integer::sum);
                    }
                }
            }
        }
        return new FacetCounts(total, old, counts.get(Qualifier.MODEL), counts.get(Qualifier.MEMORY),
                counts.get(Qualifier.OS), counts.get(Qualifier.TAG));
    }

    Optional<Device> device(String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + DeviceRows.SELECT_COLUMNS
                + " FROM devices d WHERE d.id = ?")) {
            ps.setString(1, id);
            List<Device> found = devices(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Every device, in storage order (a sequential read: following the name index would be slower). */
    List<Device> all() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + DeviceRows.SELECT_COLUMNS + " FROM devices d")) {
            return devices(ps);
        }
    }

    private static List<Device> devices(PreparedStatement ps) throws SQLException {
        List<Device> devices = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                devices.add(DeviceRows.read(rs));
            }
        }
        return devices;
    }
}
