package org.fleetdesk.ui.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.NotFoundException;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.ui.common.BackgroundTask;
import org.fleetdesk.ui.common.ErrorMessages;

/**
 * Deletes devices one by one: the API first, then the cache, so the cache never loses a device the organisation
 * still has. The first refusal stops the rest. A device the API no longer knows (deleted elsewhere meanwhile) counts
 * as deleted.
 */
final class DeviceDeletion {
    private DeviceDeletion() {
    }

    /** What happened: the devices deleted, and the first failure (with the device it stopped at), if any. */
    record Outcome(List<Device> requested, List<Device> deleted, Device failedOn, Throwable failure) {
        boolean isError() {
            return failure != null && !(failure instanceof CancellationException);
        }

        String message() {
            if (failure == null) {
                return deleted.size() == 1 ? "Deleted " + deleted.get(0).name() + "."
                        : "Deleted " + deleted.size() + " devices.";
            }
            if (failure instanceof CancellationException) {
                return "Stopped: deleted " + deleted.size() + " of " + requested.size() + " devices.";
            }
            String stopped = "ould not delete " + failedOn.name() + ": " + ErrorMessages.describe(failure);
            return requested.size() == 1 ? "C" + stopped
                    : "Deleted " + deleted.size() + " of " + requested.size() + " devices; c" + stopped;
        }
    }

    static Outcome run(ConnectClient client, FleetStore store, List<Device> targets, BackgroundTask.Progress progress) {
        List<Device> deleted = new ArrayList<>();
        for (Device device : targets) {
            if (progress.isCancelled()) {
                return new Outcome(targets, deleted, device, new CancellationException());
            }
            progress.update(deleted.size(), targets.size(), "Deleting " + device.name());
            try {
                try {
                    client.deleteDevice(device.id());
                } catch (NotFoundException alreadyGone) {
                    // The organisation is already as asked: drop the device from the cache too.
                }
                store.deleteDevice(device.id());
            } catch (RuntimeException e) {
                return new Outcome(targets, deleted, device, e);
            }
            deleted.add(device);
        }
        progress.update(targets.size(), targets.size(), "Deleted");
        return new Outcome(targets, deleted, null, null);
    }
}
