package org.fleetdesk.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.fleetdesk.api.Json;

/**
 * How the journal's rows read as records: the columns {@link RolloutJournal} selects, next to the code that reads
 * them by position, and the JSON the plan and the sampled counts are stored as.
 */
final class RolloutRows {
    static final String ROLLOUT_COLUMNS = "id, name, artefact_id, artefact_name, query, from_query,"
            + " targets_description, plan_json, state, reason, created_at, updated_at, finished_at";
    static final String TARGET_COLUMNS = "device_id, device_name, wave, position, status, state_reason,"
            + " deployment_id, attempts, intent_at, created_at, created_local, finished_at, updated_at";
    static final String SAMPLE_COLUMNS = "at, counts_json";

    private RolloutRows() {
    }

    /** A row of {@link #ROLLOUT_COLUMNS}. */
    static Rollout rollout(ResultSet rs, StatusCounts counts) throws SQLException {
        boolean fromQuery = rs.getInt(6) == 1;
        return new Rollout(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                fromQuery ? rs.getString(5) : null, rs.getString(7), readJson(rs.getString(8), new TypeReference<RolloutPlan>() { }),
                RolloutState.fromApiName(rs.getString(9)), rs.getString(10), millis(rs, 11), millis(rs, 12),
                millis(rs, 13), counts);
    }

    /** A row of {@link #TARGET_COLUMNS}. */
    static RolloutTarget target(ResultSet rs) throws SQLException {
        String createdAt = rs.getString(10);
        return new RolloutTarget(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                TargetStatus.fromApiName(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getInt(8),
                millis(rs, 9), createdAt == null ? null : Instant.parse(createdAt), millis(rs, 11), millis(rs, 12),
                millis(rs, 13));
    }

    /** A row of {@link #SAMPLE_COLUMNS}. */
    static RolloutSample sample(ResultSet rs) throws SQLException {
        return new RolloutSample(Instant.ofEpochMilli(rs.getLong(1)),
                StatusCounts.fromMap(readJson(rs.getString(2), new TypeReference<Map<String, Integer>>() { })));
    }

    static String planJson(RolloutPlan plan) {
        return writeJson(plan);
    }

    static String countsJson(StatusCounts counts) {
        return writeJson(counts.toMap());
    }

    private static Instant millis(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static String writeJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    private static <T> T readJson(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the rollout journal holds unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
