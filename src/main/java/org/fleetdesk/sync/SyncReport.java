package org.fleetdesk.sync;

import java.time.Duration;
import java.util.Locale;
import org.fleetdesk.store.DeviceChanges;

/**
 * The outcome of a successful sync: how many of each resource the cache now holds, how the devices changed, how many
 * pages were fetched and how long it took. {@code exact} is false when a list kept changing while it was fetched
 * (devices enrolled or deleted meanwhile) even after fetching it again: the cache may then miss or keep a few devices
 * until the next sync.
 */
public record SyncReport(int devices, int artefacts, int authKeys, int deviceIdentities, Duration elapsed, int pages,
                         DeviceChanges deviceChanges, boolean exact) {
    public String summary() {
        String changes = deviceChanges.added() + deviceChanges.changed() + deviceChanges.removed() == 0 ? ""
                : " (" + deviceChanges.added() + " new, " + deviceChanges.changed() + " changed, "
                        + deviceChanges.removed() + " removed)";
        return devices + " devices" + changes + ", " + artefacts + " artefacts, " + authKeys + " auth keys, "
                + deviceIdentities + " device identities in " + String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0)
                + (exact ? "" : "; the organisation changed during the sync: sync again for an exact copy");
    }
}
