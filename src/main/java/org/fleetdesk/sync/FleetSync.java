package org.fleetdesk.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.Page;
import org.fleetdesk.api.PageConsumer;
import org.fleetdesk.api.PageLoader;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.store.DeviceChanges;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.store.FleetWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the cache up to the organisation's state. Every list is fetched with its pages in parallel (at most
 * {@code concurrency} at a time, and never more than the client's shared {@link RequestLimiter} allows); device pages
 * are written into the cache as they arrive, by a thread that holds one transaction for the whole sync, and only
 * commits once every list was read. A sync that fails or is cancelled half-way therefore leaves the previous cache
 * as it was, and tells its {@link SyncProgress} what failed. Devices that disappeared from the organisation
 * disappear from the cache.
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
     *                  and the cache is unchanged (committing, once started, is not interrupted)
     * @throws org.fleetdesk.api.ApiException       the API refused a request or could not be reached, after retries
     * @throws org.fleetdesk.store.StoreException   the cache could not be written
     */
    public SyncReport syncAll(SyncProgress progress, BooleanSupplier cancelled) {
        Run run = new Run(progress, cancelled);
        try {
            int devices = run.devices();
            run.writer.submit(FleetWriter::finishDevices);
            List<Artefact> artefacts = run.fetch("artefacts", p -> client.listArtefacts(null, p, PER_PAGE),
                    Artefact::id);
            run.writer.submit(writer -> writer.artefacts(artefacts));
            List<AuthKey> authKeys = run.fetch("auth keys", p -> client.listAuthKeys(p, PER_PAGE), AuthKey::id)
                    .stream().map(AuthKey::withoutSecret).toList();
            run.writer.submit(writer -> writer.authKeys(authKeys));
            List<DeviceIdentity> identities = run.fetch("device identities",
                    p -> client.listDeviceIdentities(p, PER_PAGE), DeviceIdentity::id);
            run.writer.submit(writer -> writer.deviceIdentities(identities));
            return run.report(devices, artefacts.size(), authKeys.size(), identities.size(), run.commit());
        } finally {
            run.writer.abort();
        }
    }

    /** Only the device list (what a refresh of the Devices screen needs); the other resources keep their copy. */
    public SyncReport syncDevices(SyncProgress progress, BooleanSupplier cancelled) {
        Run run = new Run(progress, cancelled);
        try {
            int devices = run.devices();
            return run.report(devices, 0, 0, 0, run.commit());
        } finally {
            run.writer.abort();
        }
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
        private final CacheWriter writer = new CacheWriter(store);
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

        /** Streams the device list into the cache while it is fetched; returns how many devices it has. */
        int devices() {
            Set<String> ids = ConcurrentHashMap.newKeySet();
            read("devices", p -> client.listDevices(null, p, PER_PAGE), Device::id, ids,
                    (page, total, items) -> writer.submit(cache -> cache.devices(items)),
                    () -> writer.submit(FleetWriter::restartDevices));
            return ids.size();
        }

        /** A short list, collected in memory: one item per id. */
        <T> List<T> fetch(String resource, PageLoader<T> loader, Function<T, String> id) {
            List<T> items = Collections.synchronizedList(new ArrayList<>());
            read(resource, loader, id, ConcurrentHashMap.newKeySet(), (page, total, pageItems) -> items.addAll(pageItems),
                    items::clear);
            return dedupe(items, id);
        }

        /**
         * Reads every page of a list into {@code sink}, again (after {@code restart}) while the server's counts
         * disagree with each other or with the distinct {@code ids} collected.
         */
        private <T> void read(String resource, PageLoader<T> loader, Function<T, String> id, Set<String> ids,
                              PageConsumer<T> sink, Runnable restart) {
            enter(resource);
            try {
                for (int attempt = 1; ; attempt++) {
                    CountingLoader<T> counting = new CountingLoader<>(loader, pages);
                    client.forEachPage(counting, concurrency, (done, total) -> pageDone(resource, done, total),
                            () -> cancelled.getAsBoolean() || writer.failure().isPresent(), (page, total, items) -> {
                                for (T item : items) {
                                    String key = id.apply(item);
                                    if (key != null) {
                                        ids.add(key);
                                    }
                                }
                                sink.accept(page, total, items);
                            });
                    if (counting.agreesWith(ids.size())) {
                        return;
                    }
                    if (attempt == MAX_FETCHES) {
                        LOG.info("The {} list kept changing while it was fetched ({}); keeping the last copy",
                                resource, counting.describe(ids.size()));
                        exact = false;
                        return;
                    }
                    LOG.info("The {} list changed while it was fetched ({}); fetching it again", resource,
                            counting.describe(ids.size()));
                    ids.clear();
                    restart.run();
                    enter(resource);
                }
            } catch (RuntimeException e) {
                throw failed(e);
            }
        }

        /** Waits for the cache to be written and commits it, unless the sync was cancelled meanwhile. */
        DeviceChanges commit() {
            if (cancelled.getAsBoolean()) {
                throw failed(new CancellationException("Sync cancelled before writing the cache."));
            }
            enter(SyncFailure.WRITING);
            try {
                return writer.commit();
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

        /** Reports the failure; when the cache could not be written, that is what failed, whatever stopped meanwhile. */
        private RuntimeException failed(RuntimeException stopped) {
            Optional<RuntimeException> writing = writer.failure();
            RuntimeException cause = writing.orElse(stopped);
            SyncFailure failure;
            synchronized (this) {
                failure = writing.isPresent() ? new SyncFailure(SyncFailure.WRITING, 0, 0, cause)
                        : new SyncFailure(stage, stagePagesDone, stageTotalPages, cause);
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
