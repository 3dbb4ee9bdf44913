package org.fleetdesk.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** Every item, in the order of the pages. */
    List<T> fetch() {
        Map<Integer, List<T>> pages = new ConcurrentSkipListMap<>();
        forEach((page, total, items) -> pages.put(page, items));
        List<T> all = new ArrayList<>();
        pages.values().forEach(all::addAll);
        return all;
    }

    /** Hands each page's items to {@code consumer} as it arrives: page 1 first, then the others in any order. */
    void forEach(PageConsumer<T> consumer) {
        throwIfCancelled();
        Page<T> first = loader.load(1);
        int total = Math.max(1, first.meta().totalPages());
        consumer.accept(1, total, first.items());
        reportPage(total);
        if (total > 1) {
            loadRest(consumer, total);
        }
    }

    private void loadRest(PageConsumer<T> consumer, int total) {
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
                futures.add(pool.submit(() -> work(consumer, total)));
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

    private void work(PageConsumer<T> consumer, int total) {
        try {
            int page;
            while (!stop.get() && !cancelled.getAsBoolean() && (page = nextPage.getAndIncrement()) <= total) {
                consumer.accept(page, total, loader.load(page).items());
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
