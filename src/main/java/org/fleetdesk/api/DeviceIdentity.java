package org.fleetdesk.api;

import java.time.Instant;
import java.util.List;

/** A device identity: a device's public key registered in advance, exchanged for a device when it first connects. */
public record DeviceIdentity(String id, String description, String deviceName, List<String> tags, Instant createdAt,
                             String publicKey) {
    public DeviceIdentity {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
