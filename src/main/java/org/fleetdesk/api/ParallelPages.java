package org.fleetdesk.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;

/**
 * Fetches every page of a list: the first page tells how many there are, then the rest are loaded by at most
 * {@code maxConcurrency} workers. The first failure stops the others and is rethrown; cancellation (the supplier, or
 * interrupting the caller) stops after the pages in flight.
 */
final class ParallelPages<T> {
    private final PageLoader<T> loader;
    private final int maxConcurrency;
    private final PageProgress progress;
    private final BooleanSupplier cancelled;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger nextPage = new AtomicInteger(2);
    private int pagesDone;

    ParallelPages(PageLoader<T> loader, int maxConcurrency, PageProgress progress, BooleanSupplier cancelled) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, got " + maxConcurrency);
        }
        this.loader = loader;
        this.maxConcurrency = maxConcurrency;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    List<T> fetch() {
        throwIfCancelled();
        Page<T> first = loader.load(1);
        int total = Math.max(1, first.meta().totalPages());
        AtomicReferenceArray<List<T>> pages = new AtomicReferenceArray<>(total);
        pages.set(0, first.items());
        reportPage(total);
        if (total > 1) {
            loadRest(pages, total);
        }
        List<T> all = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            all.addAll(pages.get(i));
        }
        return all;
    }

    private void loadRest(AtomicReferenceArray<List<T>> pages, int total) {
        int workers = Math.min(maxConcurrency, total - 1);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "fleetdesk-pages-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                futures.add(pool.submit(() -> work(pages, total)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled while fetching pages.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        throwIfCancelled();
    }

    private void work(AtomicReferenceArray<List<T>> pages, int total) {
        try {
            int page;
            while (!stop.get() && !cancelled.getAsBoolean() && (page = nextPage.getAndIncrement()) <= total) {
                pages.set(page - 1, loader.load(page).items());
                reportPage(total);
            }
        } catch (RuntimeException e) {
            stop.set(true);
            throw e;
        }
    }

    private synchronized void reportPage(int total) {
        progress.pagesDone(++pagesDone, total);
    }

    private void throwIfCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Cancelled while fetching pages.");
        }
    }
}
