package org.fleetdesk.sync;

import java.time.Duration;

/** The outcome of a successful sync: how many of each resource the cache now holds, and how long it took. */
public record SyncReport(int devices, int artefacts, int authKeys, int deviceIdentities, Duration elapsed) {
    public String summary() {
        return devices + " devices, " + artefacts + " artefacts, " + authKeys + " auth keys, " + deviceIdentities
                + " device identities in " + String.format("%.1f s", elapsed.toMillis() / 1000.0);
    }
}
