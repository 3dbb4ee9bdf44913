package org.fleetdesk.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.Page;
import org.fleetdesk.api.PageLoader;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.store.DeviceChanges;
import org.fleetdesk.store.FleetSnapshot;
import org.fleetdesk.store.FleetStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the cache up to the organisation's state. Every list is fetched first, its pages in parallel (at most
 * {@code concurrency} at a time, and never more than the client's shared {@link RequestLimiter} allows), and only
 * then is everything written in one transaction. A sync that fails or is cancelled half-way therefore leaves the
 * previous cache as it was, and tells its {@link SyncProgress} what failed. Devices that disappeared from the
 * organisation disappear from the cache.
 * <p>
 * Pages are numbered offsets into a list that may change while it is read: a device enrolled or deleted meanwhile
 * shifts the others, so one could be read twice (kept once) or not at all, and a missed device would wrongly be
 * removed from the cache. Each answer carries the list's {@code total_count}; when the answers disagree with each
 * other or with what was collected, the list is fetched again (up to {@value #MAX_FETCHES} times in all).
 */
public final class FleetSync {
    /**
     * Requests in flight during a sync: 16 connections make a 500-page fleet take about as long as 35 sequential
     * requests, without opening more connections than a browser would over a few tabs.
     */
    public static final int DEFAULT_CONCURRENCY = 16;
    /**
     * The request rate {@link #defaultLimiter()} allows. The real API documents no limit; 16 requests in flight at
     * a real network's 30–100 ms round trip stay below it anyway, so it only caps a very fast link. A 429 answer
     * pauses every request sharing the limiter for its {@code Retry-After}.
     */
    public static final int DEFAULT_REQUESTS_PER_SECOND = 500;
    static final int MAX_FETCHES = 3;
    private static final int PER_PAGE = ConnectClient.MAX_PER_PAGE;
    private static final Logger LOG = LoggerFactory.getLogger(FleetSync.class);

    private final ConnectClient client;
    private final FleetStore store;
    private final int concurrency;

    /** {@code concurrency}: pages fetched at the same time (the client's limiter may allow fewer). */
    public FleetSync(ConnectClient client, FleetStore store, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.client = client;
        this.store = store;
        this.concurrency = concurrency;
    }

    public FleetSync(ConnectClient client, FleetStore store) {
        this(client, store, DEFAULT_CONCURRENCY);
    }

    /** A limiter for an organisation's client that lets a sync run at {@link #DEFAULT_CONCURRENCY}. */
    public static RequestLimiter defaultLimiter() {
        return RequestLimiter.create(DEFAULT_REQUESTS_PER_SECOND, DEFAULT_CONCURRENCY);
    }

    /**
     * Devices, artefacts, auth keys (never their secrets) and device identities, written in one transaction.
     *
     * @param cancelled polled between pages; once it answers true the sync throws {@link CancellationException}
     *                  and the cache is unchanged (writing, once started, is not interrupted)
     * @throws org.fleetdesk.api.ApiException       the API refused a request or could not be reached, after retries
     * @throws org.fleetdesk.store.StoreException   the cache could not be written
     */
    public SyncReport syncAll(SyncProgress progress, BooleanSupplier cancelled) {
        Run run = new Run(progress, cancelled);
        List<Device> devices = run.fetch("devices", devicePages(), Device::id);
        List<Artefact> artefacts = run.fetch("artefacts", p -> client.listArtefacts(null, p, PER_PAGE), Artefact::id);
        List<AuthKey> authKeys = run.fetch("auth keys", p -> client.listAuthKeys(p, PER_PAGE), AuthKey::id).stream()
                .map(AuthKey::withoutSecret).toList();
        List<DeviceIdentity> identities = run.fetch("device identities",
                p -> client.listDeviceIdentities(p, PER_PAGE), DeviceIdentity::id);
        DeviceChanges changes = run.write(() -> store.replaceAll(
                new FleetSnapshot(devices, artefacts, authKeys, identities)));
        return run.report(devices.size(), artefacts.size(), authKeys.size(), identities.size(), changes);
    }

    /** Only the device list (what a refresh of the Devices screen needs); the other resources keep their copy. */
    public SyncReport syncDevices(SyncProgress progress, BooleanSupplier cancelled) {
        Run run = new Run(progress, cancelled);
        List<Device> devices = run.fetch("devices", devicePages(), Device::id);
        DeviceChanges changes = run.write(() -> store.replaceDevices(devices));
        return run.report(devices.size(), 0, 0, 0, changes);
    }

    /** Device pages whose repeated values (boards, tags, …) are shared between devices, to keep big fleets small. */
    private PageLoader<Device> devicePages() {
        SharedValues shared = new SharedValues();
        return p -> {
            Page<Device> page = client.listDevices(null, p, PER_PAGE);
            return new Page<>(page.items().stream().map(shared::share).toList(), page.meta());
        };
    }

    /** Pages fetched in parallel can overlap when the list changes meanwhile: keep one item per id. */
    static <T> List<T> dedupe(Collection<T> items, Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>(items.size() * 2);
        for (T item : items) {
            byId.put(id.apply(item), item);
        }
        return new ArrayList<>(byId.values());
    }

    /** One sync: where it is (for the failure report), pages fetched, whether every list was read consistently. */
    private final class Run {
        private final SyncProgress progress;
        private final BooleanSupplier cancelled;
        private final long start = System.nanoTime();
        private final AtomicInteger pages = new AtomicInteger();
        private boolean exact = true;
        private String stage;
        private int stagePagesDone;
        private int stageTotalPages;

        Run(SyncProgress progress, BooleanSupplier cancelled) {
            this.progress = progress;
            this.cancelled = cancelled;
        }

        <T> List<T> fetch(String resource, PageLoader<T> loader, Function<T, String> id) {
            enter(resource);
            try {
                for (int attempt = 1; ; attempt++) {
                    CountingLoader<T> counting = new CountingLoader<>(loader, pages);
                    List<T> unique = dedupe(client.fetchAllPages(counting, concurrency,
                            (done, total) -> pageDone(resource, done, total), cancelled), id);
                    if (counting.agreesWith(unique.size())) {
                        return unique;
                    }
                    if (attempt == MAX_FETCHES) {
                        LOG.info("The {} list kept changing while it was fetched ({}); keeping the last copy",
                                resource, counting.describe(unique.size()));
                        exact = false;
                        return unique;
                    }
                    LOG.info("The {} list changed while it was fetched ({}); fetching it again", resource,
                            counting.describe(unique.size()));
                    enter(resource);
                }
            } catch (RuntimeException e) {
                throw failed(e);
            }
        }

        <R> R write(Supplier<R> write) {
            if (cancelled.getAsBoolean()) {
                throw failed(new CancellationException("Sync cancelled before writing the cache."));
            }
            enter(SyncFailure.WRITING);
            try {
                return write.get();
            } catch (RuntimeException e) {
                throw failed(e);
            }
        }

        SyncReport report(int devices, int artefacts, int authKeys, int identities, DeviceChanges changes) {
            SyncReport report = new SyncReport(devices, artefacts, authKeys, identities,
                    Duration.ofNanos(System.nanoTime() - start), pages.get(), changes, exact);
            LOG.info("Synced {} ({} pages)", report.summary(), report.pages());
            return report;
        }

        private synchronized void enter(String newStage) {
            stage = newStage;
            stagePagesDone = 0;
            stageTotalPages = 0;
        }

        private void pageDone(String resource, int done, int total) {
            synchronized (this) {
                stagePagesDone = done;
                stageTotalPages = total;
            }
            progress.update(resource, done, total);
        }

        private RuntimeException failed(RuntimeException cause) {
            SyncFailure failure;
            synchronized (this) {
                failure = new SyncFailure(stage, stagePagesDone, stageTotalPages, cause);
            }
            LOG.info("{} Cause: {}", failure.describe(), cause.getMessage());
            progress.failed(failure);
            return cause;
        }
    }

    /** Loads pages and remembers every {@code total_count} the server gave, to check the list held still. */
    private static final class CountingLoader<T> implements PageLoader<T> {
        private final PageLoader<T> loader;
        private final AtomicInteger pages;
        private final Set<Integer> totals = ConcurrentHashMap.newKeySet();

        CountingLoader(PageLoader<T> loader, AtomicInteger pages) {
            this.loader = loader;
            this.pages = pages;
        }

        @Override
        public Page<T> load(int page) {
            Page<T> loaded = loader.load(page);
            pages.incrementAndGet();
            totals.add(loaded.meta().totalCount());
            return loaded;
        }

        boolean agreesWith(int collected) {
            return totals.size() == 1 && totals.contains(collected);
        }

        String describe(int collected) {
            return "the server counted " + totals + ", " + collected + " collected";
        }
    }
}
