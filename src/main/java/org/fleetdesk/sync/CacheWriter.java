package org.fleetdesk.sync;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.fleetdesk.store.DeviceChanges;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.store.FleetWriter;

/**
 * A sync's write transaction, on a thread of its own: the fetching threads hand it pages as they arrive, so that the
 * cache is written while the rest is still fetched, and nothing is committed before {@link #commit}. If the sync
 * fails, {@link #abort} rolls everything back.
 */
final class CacheWriter {
    /** Pages waiting to be written at most; fetching waits when the writer falls this far behind. */
    private static final int QUEUE_CAPACITY = 64;
    private static final Consumer<FleetWriter> END = writer -> { };

    private final BlockingQueue<Consumer<FleetWriter>> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final CompletableFuture<DeviceChanges> result = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean aborted;

    CacheWriter(FleetStore store) {
        thread = new Thread(() -> {
            try {
                result.complete(store.replace(this::drain));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "fleetdesk-cache-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code work} for the transaction (waiting while the queue is full); throws the writer's failure, if any. */
    void submit(Consumer<FleetWriter> work) {
        try {
            while (!queue.offer(work, 20, TimeUnit.MILLISECONDS)) {
                throwIfFailed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while writing the cache.");
        }
        throwIfFailed();
    }

    /** Why the writer stopped, if it failed. */
    Optional<RuntimeException> failure() {
        if (!result.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            result.join();
            return Optional.empty();
        } catch (CompletionException e) {
            return Optional.of(unwrap(e.getCause()));
        } catch (CancellationException e) {
            return Optional.of(e);
        }
    }

    /** Writes what is still queued, finishes the replacement and commits; returns the changes to the devices. */
    DeviceChanges commit() {
        submit(END);
        awaitEnd();
        throwIfFailed();
        return result.join();
    }

    /** Rolls back whatever was written, unless {@link #commit} already ended the transaction; waits until it has. */
    void abort() {
        if (!result.isDone()) {
            aborted = true;
            queue.clear();
            queue.offer(END);
        }
        awaitEnd();
    }

    private void drain(FleetWriter writer) {
        try {
            while (true) {
                Consumer<FleetWriter> work = queue.take();
                if (aborted) {
                    throw new CancellationException("The sync stopped: nothing written.");
                }
                if (work == END) {
                    return;
                }
                work.accept(writer);
            }
        } catch (InterruptedException e) {
            throw new CancellationException("Interrupted while writing the cache.");
        }
    }

    private void awaitEnd() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void throwIfFailed() {
        Optional<RuntimeException> failure = failure();
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
