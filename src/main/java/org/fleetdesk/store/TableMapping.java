package org.fleetdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.DeviceIdentity;

/**
 * How one API resource is stored in its table: the columns (the id first), how to fill them from a record and how to
 * read a record back. Instants are kept as ISO-8601 text with nine fraction digits: exact, and sortable as text.
 */
record TableMapping<T>(CachedResource resource, String table, List<String> columns, String orderBy,
                       Function<T, String> id, Binder<T> binder, Reader<T> reader) {
    interface Binder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static final TableMapping<Artefact> ARTEFACTS = new TableMapping<>(CachedResource.ARTEFACTS, "artefacts",
            List.of("id", "name", "uri", "checksum"), "name, id", Artefact::id,
            (ps, a) -> {
                ps.setString(1, a.id());
                ps.setString(2, a.name());
                ps.setString(3, a.uri());
                ps.setString(4, a.checksum());
            },
            rs -> new Artefact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));

    /** Auth keys without their secret: the table has no column for it, so it cannot be written even by mistake. */
    static final TableMapping<AuthKey> AUTH_KEYS = new TableMapping<>(CachedResource.AUTH_KEYS, "auth_keys",
            List.of("id", "description", "device_name", "tags_json", "expires_at", "exchanged_at", "created_at"),
            "created_at DESC, id", AuthKey::id,
            (ps, k) -> {
                ps.setString(1, k.id());
                ps.setString(2, k.description());
                ps.setString(3, k.deviceName());
                ps.setString(4, JsonText.tags(k.tags()));
                ps.setString(5, text(k.expiresAt()));
                ps.setString(6, text(k.exchangedAt()));
                ps.setString(7, text(k.createdAt()));
            },
            rs -> new AuthKey(rs.getString(1), rs.getString(2), rs.getString(3), JsonText.tags(rs.getString(4)), null,
                    instant(rs.getString(5)), instant(rs.getString(6)), instant(rs.getString(7))));

    static final TableMapping<DeviceIdentity> DEVICE_IDENTITIES = new TableMapping<>(CachedResource.DEVICE_IDENTITIES,
            "device_identities", List.of("id", "description", "device_name", "tags_json", "created_at", "public_key"),
            "description, id", DeviceIdentity::id,
            (ps, i) -> {
                ps.setString(1, i.id());
                ps.setString(2, i.description());
                ps.setString(3, i.deviceName());
                ps.setString(4, JsonText.tags(i.tags()));
                ps.setString(5, text(i.createdAt()));
                ps.setString(6, i.publicKey());
            },
            rs -> new DeviceIdentity(rs.getString(1), rs.getString(2), rs.getString(3), JsonText.tags(rs.getString(4)),
                    instant(rs.getString(5)), rs.getString(6)));

    /** Fixed-width UTC text with nanoseconds, so that text order is time order. */
    private static final DateTimeFormatter INSTANT_TEXT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    static String text(Instant instant) {
        return instant == null ? null : INSTANT_TEXT.format(instant);
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
