package org.fleetdesk.store;

import java.util.List;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.DeviceIdentity;

/** A complete copy of the organisation's resources, as a sync fetched them, for {@link FleetStore#replaceAll}. */
public record FleetSnapshot(List<Device> devices, List<Artefact> artefacts, List<AuthKey> authKeys,
                            List<DeviceIdentity> deviceIdentities) {
    public FleetSnapshot {
        devices = List.copyOf(devices);
        artefacts = List.copyOf(artefacts);
        authKeys = List.copyOf(authKeys);
        deviceIdentities = List.copyOf(deviceIdentities);
    }
}
