package org.fleetdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.DeviceIdentity;

/**
 * Writes a sync's results into the cache while they arrive, inside the one transaction that
 * {@link FleetStore#replace} holds: nothing is visible to readers, and nothing is kept if the replacement fails.
 * Only the thread that runs the {@link FleetFeed} may use it.
 */
public final class FleetWriter {
    private static final int BATCH = 1000;

    private final Connection c;
    private final Clock clock;
    private final FleetStore store;
    private DeviceReplacement devices;
    private DeviceChanges deviceChanges;

    FleetWriter(Connection connection, Clock clock, FleetStore store) {
        this.c = connection;
        this.clock = clock;
        this.store = store;
    }

    /**
     * Adds {@code page} to the device set being replaced (new devices are added, changed ones rewritten, unchanged ones
     * left alone; if two share an id, the later one is kept). Once any page was written, the devices that the last
     * read of the list did not contain are removed when the replacement ends.
     */
    public void devices(List<Device> page) {
        run(() -> {
            DeviceReplacement replacement = devices();
            for (int from = 0; from < page.size(); from += BATCH) {
                replacement.add(page.subList(from, Math.min(page.size(), from + BATCH)));
            }
        });
    }

    /** A new complete read of the device list begins: the devices written before it count only if listed again. */
    public void restartDevices() {
        run(() -> devices().restart());
    }

    /** Replaces the cached artefacts and stamps them as fully synced. */
    public void artefacts(Collection<Artefact> artefacts) {
        run(() -> store.artefacts().replaceAll(c, artefacts));
    }

    /** Replaces the cached auth-key metadata (secrets are never stored) and stamps it as fully synced. */
    public void authKeys(Collection<AuthKey> authKeys) {
        run(() -> store.authKeys().replaceAll(c, authKeys));
    }

    /** Replaces the cached device identities and stamps them as fully synced. */
    public void deviceIdentities(Collection<DeviceIdentity> identities) {
        run(() -> store.deviceIdentities().replaceAll(c, identities));
    }

    /**
     * The device list has been read completely: removes the devices its last read did not list, builds what a first
     * sync left for the end and stamps the devices. A sync calls it as soon as the devices are read, so that this
     * work overlaps with fetching the other lists; no more devices may be written afterwards.
     */
    public void finishDevices() {
        run(() -> {
            if (devices != null && deviceChanges == null) {
                DeviceWrites.Outcome outcome = devices.finish();
                SyncStates.record(c, CachedResource.DEVICES, clock.instant(), outcome.total());
                deviceChanges = new DeviceChanges(outcome.added(), outcome.changed(), outcome.removed());
            }
        });
    }

    /** {@link #finishDevices} unless done; the changes to the devices (none if none were written). */
    DeviceChanges finish() {
        finishDevices();
        return deviceChanges == null ? new DeviceChanges(0, 0, 0) : deviceChanges;
    }

    /** Releases the statements of the replacement; the transaction itself is the caller's. */
    void close() throws SQLException {
        if (devices != null) {
            devices.close();
        }
    }

    private DeviceReplacement devices() throws SQLException {
        if (deviceChanges != null) {
            throw new IllegalStateException("The devices were finished: no more can be written in this replacement.");
        }
        if (devices == null) {
            devices = new DeviceReplacement(c);
        }
        return devices;
    }

    private interface SqlStep {
        void run() throws SQLException;
    }

    private void run(SqlStep step) {
        try {
            step.run();
        } catch (SQLException e) {
            throw Database.translate(store.file(), FileKind.CACHE, e);
        }
    }
}
