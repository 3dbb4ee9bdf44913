package org.fleetdesk.provision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs one piece of work per item with at most {@code concurrency} at a time. A failure is that item's outcome and the
 * others go on, except a refused token, which stops the run. Cancelling (the supplier, or interrupting the caller)
 * starts nothing new but lets the requests in flight finish, so that no answer is abandoned half-way.
 */
final class BulkRunner<I, R> {
    /** Does one item; returns its successful outcome or throws why it failed. */
    @FunctionalInterface
    interface Work<I, R> {
        Outcome<R> process(I item) throws Exception;
    }

    private final int concurrency;
    private final String threadName;

    BulkRunner(int concurrency, String threadName) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.concurrency = concurrency;
        this.threadName = threadName;
    }

    BulkResult<R> run(List<I> items, Function<I, String> nameOf, Work<I, R> work, BulkProgress<R> progress,
                      BooleanSupplier cancelled) {
        Run run = new Run(items, nameOf, work, progress, cancelled);
        int workers = Math.min(concurrency, items.size());
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), task -> {
            Thread thread = new Thread(task, threadName + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < workers; i++) {
            pool.execute(run::work);
        }
        pool.shutdown();
        boolean interrupted = false;
        while (!pool.isTerminated()) {
            try {
                pool.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
                run.stop.set(true);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new BulkResult<>(Arrays.asList(run.outcomes));
    }

    private final class Run {
        private final List<I> items;
        private final Function<I, String> nameOf;
        private final Work<I, R> work;
        private final BulkProgress<R> progress;
        private final BooleanSupplier cancelled;
        private final Outcome<R>[] outcomes;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicReference<String> endReason = new AtomicReference<>();
        private int done;

        @SuppressWarnings("unchecked")
        Run(List<I> items, Function<I, String> nameOf, Work<I, R> work, BulkProgress<R> progress,
            BooleanSupplier cancelled) {
            this.items = new ArrayList<>(items);
            this.nameOf = nameOf;
            this.work = work;
            this.progress = progress;
            this.cancelled = cancelled;
            this.outcomes = new Outcome[items.size()];
        }

        void work() {
            int index;
            while ((index = next.getAndIncrement()) < items.size()) {
                I item = items.get(index);
                String name = nameOf.apply(item);
                String reason = endReason.get();
                Outcome<R> outcome;
                if (reason != null) {
                    outcome = Outcome.notStarted(name, reason);
                } else if (stop.get() || cancelled.getAsBoolean()) {
                    outcome = Outcome.notStarted(name, "Not started: the run was cancelled.");
                } else {
                    outcome = attempt(item, name);
                }
                finish(index, outcome);
            }
        }

        private Outcome<R> attempt(I item, String name) {
            try {
                return work.process(item);
            } catch (Exception e) {
                if (Failures.endsRun(e)) {
                    endReason.compareAndSet(null, "Not started: " + Failures.describe(e));
                }
                return Outcome.failed(name, Failures.describe(e));
            }
        }

        private synchronized void finish(int index, Outcome<R> outcome) {
            outcomes[index] = outcome;
            done++;
            progress.finished(done, items.size(), outcome);
        }
    }
}
