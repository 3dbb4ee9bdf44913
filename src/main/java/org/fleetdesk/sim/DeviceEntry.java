package org.fleetdesk.sim;

import java.util.Locale;
import org.fleetdesk.api.Device;

/** A device of the simulated fleet with what searching and serving it needs precomputed. */
final class DeviceEntry {
    final Device device;
    final int ordinal;
    final String nameKey;
    final String serialKey;
    volatile boolean online;
    private volatile byte[] json;

    DeviceEntry(Device device, int ordinal, boolean online) {
        this.device = device;
        this.ordinal = ordinal;
        this.nameKey = device.name().toLowerCase(Locale.ROOT);
        this.serialKey = device.serialNumber().toLowerCase(Locale.ROOT);
        this.online = online;
    }

    /** The device as the API writes it, serialised once on first use. */
    byte[] json() {
        byte[] bytes = json;
        if (bytes == null) {
            bytes = ApiJson.device(device);
            json = bytes;
        }
        return bytes;
    }

    boolean textMatches(String lowercaseTerm) {
        return nameKey.contains(lowercaseTerm) || serialKey.contains(lowercaseTerm);
    }

    /** Order of the device list: name alphabetically regardless of case, then exact name, then id. */
    int compareTo(DeviceEntry other) {
        int byKey = nameKey.compareTo(other.nameKey);
        if (byKey != 0) {
            return byKey;
        }
        int byName = device.name().compareTo(other.device.name());
        return byName != 0 ? byName : device.id().compareTo(other.device.id());
    }
}
