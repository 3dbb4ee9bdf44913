package org.fleetdesk.api;

import java.time.Instant;
import java.util.List;

/**
 * An auth key. {@code secret} is only present in the answer to create; it is never printed by {@link #toString()}.
 */
public record AuthKey(String id, String description, String deviceName, List<String> tags, String secret,
                      Instant expiresAt, Instant exchangedAt, Instant createdAt) {
    public AuthKey {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public enum State { USABLE, EXPIRED, EXCHANGED }

    public State stateAt(Instant now) {
        if (exchangedAt != null) {
            return State.EXCHANGED;
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? State.EXPIRED : State.USABLE;
    }

    public AuthKey withoutSecret() {
        return new AuthKey(id, description, deviceName, tags, null, expiresAt, exchangedAt, createdAt);
    }

    @Override
    public String toString() {
        return "AuthKey[id=" + id + ", description=" + description + ", deviceName=" + deviceName + ", tags=" + tags
                + ", secret=" + (secret == null ? "null" : "<redacted>") + ", expiresAt=" + expiresAt
                + ", exchangedAt=" + exchangedAt + ", createdAt=" + createdAt + "]";
    }
}
