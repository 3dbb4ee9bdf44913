package org.fleetdesk.rollout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.store.FleetStore;

/**
 * The rollouts of one organisation in its journal file ({@link FleetStore#journal()}, which outlives a rebuilt
 * cache): each rollout with its plan and frozen targets, and for every target the intent to create its deployment,
 * written <em>before</em> the request is sent, then what became of it.
 * A crash at any moment therefore leaves each target either untouched, known, or marked "sending" — the only ones a
 * resume must reconcile with the API. Thread-safe (the store serialises writes).
 */
public final class RolloutJournal {
    private final FleetStore store;
    private final Clock clock;
    private final RolloutActivity activity;

    /** For reading, and for writers whose changes need no activity entries (tests). */
    public RolloutJournal(FleetStore store) {
        this(store, Clock.systemUTC(), null);
    }

    /**
     * A journal whose rollout changes (started, paused, resumed, aborted, finished, …) also go to the organisation's
     * activity log, stamped with {@code activitySource} (GUI or CLI, as {@link org.fleetdesk.store.ApiActivityRecorder}).
     */
    public RolloutJournal(FleetStore store, String activitySource) {
        this(store, Clock.systemUTC(), activitySource);
    }

    private RolloutJournal(FleetStore store, Clock clock, String activitySource) {
        this.store = store;
        this.clock = clock;
        this.activity = new RolloutActivity(store, activitySource);
    }

    // ---- reads ----

    /** Every rollout, newest first, with its targets counted by status. */
    public List<Rollout> rollouts() {
        return store.journal().read(c -> {
            Map<String, StatusCounts> counts = allCounts(c);
            List<Rollout> rollouts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RolloutRows.ROLLOUT_COLUMNS
                    + " FROM rollouts ORDER BY created_at DESC, id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rollouts.add(RolloutRows.rollout(rs, counts.getOrDefault(rs.getString(1), StatusCounts.NONE)));
                }
            }
            return rollouts;
        });
    }

    public Optional<Rollout> rollout(String id) {
        return store.journal().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RolloutRows.ROLLOUT_COLUMNS
                    + " FROM rollouts WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(RolloutRows.rollout(rs, counts(c, id))) : Optional.empty();
                }
            }
        });
    }

    /** The rollout with this id, or the only one whose id starts with it; otherwise says what exists. */
    public Rollout find(String idOrPrefix) {
        String wanted = idOrPrefix == null ? "" : idOrPrefix.strip();
        if (wanted.isEmpty()) {
            throw new InvalidInputException("Give a rollout ID: fleetdesk rollouts list shows them.");
        }
        Optional<Rollout> exact = rollout(wanted);
        if (exact.isPresent()) {
            return exact.get();
        }
        List<Rollout> matching = rollouts().stream().filter(r -> r.id().startsWith(wanted)).toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        throw new InvalidInputException(matching.isEmpty()
                ? "No rollout " + wanted + " in this organisation's journal (" + store.journalFile() + "): fleetdesk"
                        + " rollouts list shows the rollouts started from this machine."
                : matching.size() + " rollouts start with " + wanted + ": give more of the ID.");
    }

    public List<RolloutTarget> targets(String rolloutId) {
        return store.journal().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RolloutRows.TARGET_COLUMNS
                    + " FROM rollout_targets WHERE rollout_id = ? ORDER BY position")) {
                ps.setString(1, rolloutId);
                List<RolloutTarget> targets = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        targets.add(RolloutRows.target(rs));
                    }
                }
                return targets;
            }
        });
    }

    public List<RolloutSample> samples(String rolloutId) {
        return store.journal().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RolloutRows.SAMPLE_COLUMNS
                    + " FROM rollout_samples WHERE rollout_id = ? ORDER BY at")) {
                ps.setString(1, rolloutId);
                List<RolloutSample> samples = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        samples.add(RolloutRows.sample(rs));
                    }
                }
                return samples;
            }
        });
    }

    /** Rollouts that used this artefact, newest first. */
    public List<Rollout> rolloutsOf(String artefactId) {
        return rollouts().stream().filter(r -> r.artefactId().equals(artefactId)).toList();
    }

    /** True when some rollout's target already holds this deployment: it is not a stranger's. */
    boolean isKnownDeployment(String deploymentId) {
        return store.journal().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM rollout_targets WHERE deployment_id = ?")) {
                ps.setString(1, deploymentId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    // ---- writes ----

    /** Records a new rollout and its targets (each waiting, in rollout order, with its wave) in one transaction. */
    void create(Rollout rollout, List<Target> ordered, List<Wave> waves) {
        long now = clock.millis();
        store.journal().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rollouts(id, name, artefact_id, artefact_name,"
                    + " query, from_query, targets_description, plan_json, state, reason, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)")) {
                ps.setString(1, rollout.id());
                ps.setString(2, rollout.name());
                ps.setString(3, rollout.artefactId());
                ps.setString(4, rollout.artefactName());
                ps.setString(5, rollout.query() == null ? "" : rollout.query());
                ps.setInt(6, rollout.query() == null ? 0 : 1);
                ps.setString(7, rollout.targetsDescription());
                ps.setString(8, RolloutRows.planJson(rollout.plan()));
                ps.setString(9, rollout.state().apiName());
                ps.setLong(10, now);
                ps.setLong(11, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rollout_targets(rollout_id, device_id, wave,"
                    + " status, attempts, updated_at, position, device_name) VALUES (?, ?, ?, 'waiting', 0, ?, ?, ?)")) {
                for (Wave wave : waves) {
                    for (int position = wave.from(); position < wave.to(); position++) {
                        Target target = ordered.get(position);
                        ps.setString(1, rollout.id());
                        ps.setString(2, target.deviceId());
                        ps.setInt(3, wave.index());
                        ps.setLong(4, now);
                        ps.setInt(5, position);
                        ps.setString(6, target.deviceName());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
        activity.started(rollout);
    }

    void setState(String rolloutId, RolloutState state, String reason) {
        long now = clock.millis();
        store.journal().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rollouts SET state = ?, reason = ?, updated_at = ?,"
                    + " finished_at = ? WHERE id = ?")) {
                ps.setString(1, state.apiName());
                ps.setString(2, reason);
                ps.setLong(3, now);
                if (state.isFinal()) {
                    ps.setLong(4, now);
                } else {
                    ps.setNull(4, Types.INTEGER);
                }
                ps.setString(5, rolloutId);
                return ps.executeUpdate();
            }
        });
        activity.changed(() -> rollout(rolloutId).map(Rollout::name).orElse(rolloutId), state, reason);
    }

    RolloutState state(String rolloutId) {
        return store.journal().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT state FROM rollouts WHERE id = ?")) {
                ps.setString(1, rolloutId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? RolloutState.fromApiName(rs.getString(1)) : null;
                }
            }
        });
    }

    /**
     * Makes {@code owner} the process running the rollout unless another owner is still alive; returns the live
     * owner that prevented it, or empty when claimed.
     */
    Optional<String> claim(String rolloutId, String owner, Predicate<String> alive) {
        return store.journal().write(c -> {
            String current;
            try (PreparedStatement ps = c.prepareStatement("SELECT owner FROM rollouts WHERE id = ?")) {
                ps.setString(1, rolloutId);
                try (ResultSet rs = ps.executeQuery()) {
                    current = rs.next() ? rs.getString(1) : null;
                }
            }
            if (current != null && !current.equals(owner) && alive.test(current)) {
                return Optional.of(current);
            }
            setOwner(c, rolloutId, owner);
            return Optional.empty();
        });
    }

    void release(String rolloutId, String owner) {
        store.journal().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rollouts SET owner = NULL WHERE id = ? AND owner = ?")) {
                ps.setString(1, rolloutId);
                ps.setString(2, owner);
                return ps.executeUpdate();
            }
        });
    }

    /** The intent: from now on the request may reach the API. Written before it is sent. */
    void markSending(String rolloutId, String deviceId, long intentAt) {
        update(rolloutId, deviceId, "status = 'sending', intent_at = ?, attempts = attempts + 1", intentAt);
    }

    /** The create certainly did not happen (refused before processing, or reconciled as not made). */
    void markWaiting(String rolloutId, String deviceId) {
        update(rolloutId, deviceId, "status = 'waiting'");
    }

    /** The deployment exists; {@code answeredAt} is when the API's answer arrived, null when found by reconciling. */
    void markCreated(String rolloutId, String deviceId, Deployment deployment, Long answeredAt) {
        update(rolloutId, deviceId, "status = ?, deployment_id = ?, created_at = ?, created_local = ?, state_reason = ?",
                TargetStatus.of(deployment.state()).apiName(), deployment.id(),
                deployment.createdAt() == null ? null : deployment.createdAt().toString(), answeredAt,
                deployment.stateReason());
    }

    void markStatus(String rolloutId, String deviceId, TargetStatus status, String reason) {
        update(rolloutId, deviceId, "status = ?, state_reason = ?, finished_at = ?", status.apiName(), reason,
                status.isFinal() ? clock.millis() : null);
    }

    /** Every target in {@code from} moves to {@code to} (e.g. waiting ones become skipped when a rollout stops). */
    int markAll(String rolloutId, TargetStatus from, TargetStatus to) {
        long now = clock.millis();
        return store.journal().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rollout_targets SET status = ?, updated_at = ?"
                    + " WHERE rollout_id = ? AND status = ?")) {
                ps.setString(1, to.apiName());
                ps.setLong(2, now);
                ps.setString(3, rolloutId);
                ps.setString(4, from.apiName());
                return ps.executeUpdate();
            }
        });
    }

    void addSample(String rolloutId, Instant at, StatusCounts counts) {
        store.journal().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO rollout_samples(rollout_id, at,"
                    + " counts_json) VALUES (?, ?, ?)")) {
                ps.setString(1, rolloutId);
                ps.setLong(2, at.toEpochMilli());
                ps.setString(3, RolloutRows.countsJson(counts));
                return ps.executeUpdate();
            }
        });
    }

    // ---- helpers ----

    private void update(String rolloutId, String deviceId, String assignments, Object... values) {
        long now = clock.millis();
        store.journal().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rollout_targets SET " + assignments
                    + ", updated_at = ? WHERE rollout_id = ? AND device_id = ?")) {
                int i = 1;
                for (Object value : values) {
                    ps.setObject(i++, value);
                }
                ps.setLong(i++, now);
                ps.setString(i++, rolloutId);
                ps.setString(i, deviceId);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("rollout " + rolloutId + " has no target " + deviceId);
                }
                return null;
            }
        });
    }

    private static void setOwner(Connection c, String rolloutId, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE rollouts SET owner = ? WHERE id = ?")) {
            ps.setString(1, owner);
            ps.setString(2, rolloutId);
            ps.executeUpdate();
        }
    }

    private static Map<String, StatusCounts> allCounts(Connection c) throws SQLException {
        Map<String, Map<TargetStatus, Integer>> raw = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT rollout_id, status, COUNT(*) FROM rollout_targets GROUP BY rollout_id, status");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                raw.computeIfAbsent(rs.getString(1), id -> new EnumMap<>(TargetStatus.class))
                        .put(TargetStatus.fromApiName(rs.getString(2)), rs.getInt(3));
            }
        }
        Map<String, StatusCounts> counts = new HashMap<>();
        raw.forEach((id, map) -> counts.put(id, StatusCounts.of(map)));
        return counts;
    }

    private static StatusCounts counts(Connection c, String rolloutId) throws SQLException {
        Map<TargetStatus, Integer> map = new EnumMap<>(TargetStatus.class);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status, COUNT(*) FROM rollout_targets WHERE rollout_id = ? GROUP BY status")) {
            ps.setString(1, rolloutId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    map.put(TargetStatus.fromApiName(rs.getString(1)), rs.getInt(2));
                }
            }
        }
        return StatusCounts.of(map);
    }
}
