package org.fleetdesk.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.DeploymentState;
import org.fleetdesk.api.NotFoundException;

/**
 * Finds the targets that already have a pending deployment — a new deployment replaces it (the API marks the old one
 * failed, "superseded") — by asking each device for its pending deployments: one request per target, a few at a
 * time, through the client's limiter.
 */
public final class SupersedeCheck {
    /** A target and the pending deployment the rollout would replace. */
    public record Superseded(Target target, Deployment pending) {
    }

    private SupersedeCheck() {
    }

    /**
     * {@code progress} hears how many targets have been checked; {@code cancelled} is polled between requests and a
     * cancelled check throws {@link CancellationException}.
     */
    public static List<Superseded> find(ConnectClient client, List<Target> targets, int concurrency,
                                        IntConsumer progress, BooleanSupplier cancelled) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger checked = new AtomicInteger();
        List<Superseded> found = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency), task -> {
            Thread thread = new Thread(task, "fleetdesk-supersede-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < Math.max(1, concurrency); i++) {
                workers.add(pool.submit(() -> {
                    int index;
                    while (!cancelled.getAsBoolean() && (index = next.getAndIncrement()) < targets.size()) {
                        Target target = targets.get(index);
                        List<Deployment> pending;
                        try {
                            pending = client.listDeployments(target.deviceId(), DeploymentState.PENDING, 1,
                                    ConnectClient.MAX_PER_PAGE).items();
                        } catch (NotFoundException e) {
                            pending = List.of();
                        }
                        synchronized (found) {
                            pending.forEach(d -> found.add(new Superseded(target, d)));
                        }
                        progress.accept(checked.incrementAndGet());
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled while checking for pending deployments.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Cancelled while checking for pending deployments.");
        }
        return found;
    }
}
