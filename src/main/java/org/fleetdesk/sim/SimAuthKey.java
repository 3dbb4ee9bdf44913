package org.fleetdesk.sim;

import java.time.Instant;
import java.util.List;
import org.fleetdesk.api.AuthKey;

/** An auth key as the organisation holds it, secret included. */
final class SimAuthKey {
    final String id;
    final String secret;
    final Instant createdAt;
    final Instant expiresAt;
    final long sequence;
    String description;
    String deviceName;
    List<String> tags;
    Instant exchangedAt;

    SimAuthKey(String id, String secret, Instant createdAt, Instant expiresAt, long sequence, String description,
               String deviceName, List<String> tags) {
        this.id = id;
        this.secret = secret;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.sequence = sequence;
        this.description = description;
        this.deviceName = deviceName;
        this.tags = tags;
    }

    AuthKey withSecret() {
        return new AuthKey(id, description, deviceName, tags, secret, expiresAt, exchangedAt, createdAt);
    }

    AuthKey view() {
        return withSecret().withoutSecret();
    }

    AuthKey.State stateAt(Instant now) {
        return withSecret().stateAt(now);
    }
}
