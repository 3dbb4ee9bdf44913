package org.fleetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.DeploymentState;

/** The {@code deployments} table: each cached device's deployments in the API's order, inside the caller's transaction. */
final class Deployments {
    private Deployments() {
    }

    /** Replaces the device's deployments; false (and nothing written) when the device is not cached. */
    static boolean put(Connection c, String deviceId, List<Deployment> deployments) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM devices WHERE id = ?")) {
            exists.setString(1, deviceId);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM deployments WHERE device_id = ?")) {
            delete.setString(1, deviceId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT OR REPLACE INTO deployments(id, device_id,"
                + " artefact_id, state, state_reason, created_at, updated_at, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Deployment d : deployments) {
                insert.setString(1, d.id());
                insert.setString(2, deviceId);
                insert.setString(3, d.artefactId());
                insert.setString(4, d.state().apiName());
                insert.setString(5, d.stateReason());
                insert.setString(6, TableMapping.text(d.createdAt()));
                insert.setString(7, TableMapping.text(d.updatedAt()));
                insert.setInt(8, position++);
                insert.addBatch();
            }
            if (position > 0) {
                insert.executeBatch();
            }
        }
        return true;
    }

    static List<Deployment> of(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, state, state_reason, device_id, artefact_id,"
                + " created_at, updated_at FROM deployments WHERE device_id = ? ORDER BY position")) {
            ps.setString(1, deviceId);
            List<Deployment> deployments = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    deployments.add(new Deployment(rs.getString(1), DeploymentState.fromApiName(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5), TableMapping.instant(rs.getString(6)),
                            TableMapping.instant(rs.getString(7))));
                }
            }
            return deployments;
        }
    }
}
