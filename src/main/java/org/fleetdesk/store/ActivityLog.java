package org.fleetdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fleetdesk.logging.Redactor;

/**
 * The activity journal in the organisation's journal file (it survives a rebuilt cache): appended to as changes
 * happen, read newest first, pruned after {@link #RETENTION} as the Connect dashboard's audit log is.
 */
public final class ActivityLog {
    public static final Duration RETENTION = Duration.ofDays(90);

    private final Database db;
    private final Clock clock;

    ActivityLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Appends an entry stamped now. Text passes through the log redactor: a secret can never be journalled. */
    public void record(String source, String action, String subject, String outcome, String message) {
        long now = clock.instant().toEpochMilli();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO activity(ts, source, action, subject, outcome, message) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, now);
                ps.setString(2, source);
                ps.setString(3, action);
                ps.setString(4, subject == null ? null : Redactor.redact(subject));
                ps.setString(5, outcome);
                ps.setString(6, message == null ? null : Redactor.redact(message));
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Entries newest first. {@code since} and {@code action} may be null; {@code text} (may be null) matches the
     * subject, action or message case-insensitively.
     */
    public List<ActivityEntry> entries(Instant since, String action, String text, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT seq, ts, source, action, subject, outcome, message FROM activity WHERE ts >= ?");
        List<Object> args = new ArrayList<>();
        args.add(since == null ? 0L : since.toEpochMilli());
        if (action != null && !action.isBlank()) {
            sql.append(" AND action = ?");
            args.add(action);
        }
        if (text != null && !text.isBlank()) {
            sql.append(" AND (lower(coalesce(subject,'')) LIKE ? ESCAPE '\\' OR lower(action) LIKE ? ESCAPE '\\'"
                    + " OR lower(coalesce(message,'')) LIKE ? ESCAPE '\\')");
            String like = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            args.add(like);
            args.add(like);
            args.add(like);
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        args.add(limit);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<ActivityEntry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new ActivityEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
                return entries;
            }
        });
    }

    /** The distinct actions journalled, for the screen's filter. */
    public List<String> actions() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT action FROM activity ORDER BY action");
                 ResultSet rs = ps.executeQuery()) {
                List<String> actions = new ArrayList<>();
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
                return actions;
            }
        });
    }

    /** Deletes entries older than {@link #RETENTION}; returns how many went. */
    public int prune() {
        long cutoff = clock.instant().minus(RETENTION).toEpochMilli();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM activity WHERE ts < ?")) {
                ps.setLong(1, cutoff);
                return ps.executeUpdate();
            }
        });
    }
}
