package org.fleetdesk.ui.devices;

import java.util.List;
import org.fleetdesk.api.Device;

/**
 * What the delete dialog says and asks: the devices by name (the first {@value #NAMES_SHOWN}, then how many more),
 * and, for more than one device, the number to type before Delete is allowed.
 */
record DeleteConfirmation(List<Device> devices) {
    static final int NAMES_SHOWN = 12;

    DeleteConfirmation {
        devices = List.copyOf(devices);
    }

    String title() {
        return devices.size() == 1 ? "Delete " + devices.get(0).name() + "?"
                : "Delete " + String.format("%,d", devices.size()) + " devices?";
    }

    String explanation() {
        return (devices.size() == 1 ? "This device is removed from the organisation and signed out of Connect."
                : "These devices are removed from the organisation and signed out of Connect.")
                + " To link one again, it needs a new auth key. This cannot be undone.";
    }

    List<String> names() {
        return devices.stream().limit(NAMES_SHOWN).map(d -> d.name() + "  (" + d.serialNumber() + ")").toList();
    }

    /** "and 37 more", or empty when every name is listed. */
    String more() {
        int hidden = devices.size() - NAMES_SHOWN;
        return hidden > 0 ? "and " + String.format("%,d", hidden) + " more" : "";
    }

    boolean needsTypedCount() {
        return devices.size() > 1;
    }

    String typePrompt() {
        return "Type " + devices.size() + " to confirm:";
    }

    boolean isConfirmedBy(String typed) {
        return !needsTypedCount() || (typed != null && typed.strip().replace(",", "").equals(Integer.toString(devices.size())));
    }
}
