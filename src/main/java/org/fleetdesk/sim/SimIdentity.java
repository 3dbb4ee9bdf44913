package org.fleetdesk.sim;

import java.time.Instant;
import java.util.List;
import org.fleetdesk.api.DeviceIdentity;

/** A device identity as the organisation holds it: the key it was registered with and the device it became. */
final class SimIdentity {
    final String id;
    final String publicKeyPem;
    final String keyFingerprint;
    final Instant createdAt;
    String description;
    String deviceName;
    List<String> tags;
    /** The device this identity was exchanged for; null until the first exchange. */
    String deviceId;

    SimIdentity(String id, String publicKeyPem, String keyFingerprint, Instant createdAt, String description,
                String deviceName, List<String> tags) {
        this.id = id;
        this.publicKeyPem = publicKeyPem;
        this.keyFingerprint = keyFingerprint;
        this.createdAt = createdAt;
        this.description = description;
        this.deviceName = deviceName;
        this.tags = tags;
    }

    boolean exchanged() {
        return deviceId != null;
    }

    DeviceIdentity view() {
        return new DeviceIdentity(id, description, deviceName, tags, createdAt, publicKeyPem);
    }
}
