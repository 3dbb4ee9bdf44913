package org.fleetdesk.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.PageLoader;
import org.fleetdesk.store.FleetStore;

/**
 * Brings the cache up to the organisation's state. Everything is fetched first (pages in parallel, sharing the
 * client's limiter) and only then written, so a sync that fails or is cancelled half-way leaves the previous cache
 * as it was. Devices that disappeared from the organisation disappear from the cache.
 */
public final class FleetSync {
    public static final int DEFAULT_CONCURRENCY = 8;
    private static final int PER_PAGE = ConnectClient.MAX_PER_PAGE;

    private final ConnectClient client;
    private final FleetStore store;
    private final int concurrency;

    public FleetSync(ConnectClient client, FleetStore store, int concurrency) {
        this.client = client;
        this.store = store;
        this.concurrency = concurrency;
    }

    public FleetSync(ConnectClient client, FleetStore store) {
        this(client, store, DEFAULT_CONCURRENCY);
    }

    /** Devices, artefacts, auth keys (never their secrets) and device identities. */
    public SyncReport syncAll(SyncProgress progress, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        List<Device> devices = fetchDevices(progress, cancelled);
        List<Artefact> artefacts = fetch("artefacts", p -> client.listArtefacts(null, p, PER_PAGE), Artefact::id,
                progress, cancelled);
        List<AuthKey> authKeys = fetch("auth keys", p -> client.listAuthKeys(p, PER_PAGE), AuthKey::id, progress,
                cancelled);
        List<DeviceIdentity> identities = fetch("device identities", p -> client.listDeviceIdentities(p, PER_PAGE),
                DeviceIdentity::id, progress, cancelled);
        store.replaceDevices(devices);
        store.artefacts().replaceAll(artefacts);
        store.authKeys().replaceAll(authKeys.stream().map(AuthKey::withoutSecret).toList());
        store.deviceIdentities().replaceAll(identities);
        return new SyncReport(devices.size(), artefacts.size(), authKeys.size(), identities.size(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Only the device list (what a refresh of the Devices screen needs). */
    public SyncReport syncDevices(SyncProgress progress, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        List<Device> devices = fetchDevices(progress, cancelled);
        store.replaceDevices(devices);
        return new SyncReport(devices.size(), 0, 0, 0, Duration.ofNanos(System.nanoTime() - start));
    }

    private List<Device> fetchDevices(SyncProgress progress, BooleanSupplier cancelled) {
        return fetch("devices", p -> client.listDevices(null, p, PER_PAGE), Device::id, progress, cancelled);
    }

    /** Pages fetched in parallel can overlap when the list changes meanwhile: keep one item per id. */
    private <T> List<T> fetch(String resource, PageLoader<T> loader, Function<T, String> id, SyncProgress progress,
                              BooleanSupplier cancelled) {
        List<T> items = client.fetchAllPages(loader, concurrency,
                (done, total) -> progress.update(resource, done, total), cancelled);
        return dedupe(items, id);
    }

    static <T> List<T> dedupe(Collection<T> items, Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T item : items) {
            byId.put(id.apply(item), item);
        }
        return new ArrayList<>(byId.values());
    }
}
