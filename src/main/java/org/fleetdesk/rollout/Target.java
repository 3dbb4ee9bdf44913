package org.fleetdesk.rollout;

import org.fleetdesk.api.Device;

/** A device a rollout deploys to, as it was when the target set was frozen. */
public record Target(String deviceId, String deviceName, boolean oldClient) {
    public static Target of(Device device) {
        return new Target(device.id(), device.name(), device.isOldClient());
    }
}
