package org.fleetdesk.rollout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that do a run's requests: {@code concurrency} take targets from the send lane and create their
 * deployments, as many take the watch lane's jobs (polls, cancels, reconciliation). They end when the queue closes;
 * a request that fails unexpectedly halts the rollout rather than the thread.
 */
final class RolloutWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(RolloutWorkers.class);
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final String rolloutId;
    private final WorkQueue queue;
    private final RolloutExecutor executor;
    private final RolloutLedger ledger;
    private final List<Thread> threads = new ArrayList<>();

    RolloutWorkers(String rolloutId, WorkQueue queue, RolloutExecutor executor, RolloutLedger ledger) {
        this.rolloutId = rolloutId;
        this.queue = queue;
        this.executor = executor;
        this.ledger = ledger;
    }

    void start(int concurrency) {
        for (int i = 1; i <= concurrency; i++) {
            threads.add(thread(rolloutId, "send-" + i, this::sendLoop));
            threads.add(thread(rolloutId, "watch-" + i, this::watchLoop));
        }
        threads.forEach(Thread::start);
    }

    /**
     * After the queue is closed: lets each worker finish the request in hand, so that nothing writes to the journal
     * after the rollout reports its end (the caller may close the store then); one still busy after the grace period
     * (a retry wait, a request to a server that went away) is interrupted: a create it leaves "sending" is reconciled
     * by the next resume.
     */
    void stop() {
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (Thread worker : threads) {
            try {
                worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                if (worker.isAlive()) {
                    worker.interrupt();
                    worker.join(GRACE.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static Thread thread(String rolloutId, String role, Runnable body) {
        Thread thread = new Thread(body, "rollout-" + rolloutId + "-" + role);
        thread.setDaemon(true);
        return thread;
    }

    private void sendLoop() {
        try {
            TargetState target;
            while ((target = queue.takeSend()) != null) {
                try {
                    executor.create(target);
                } catch (RuntimeException e) {
                    LOG.warn("Rollout {}: creating the deployment of {} failed", rolloutId, target.deviceId, e);
                    ledger.halt(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watchLoop() {
        try {
            Runnable job;
            while ((job = queue.takeWatch()) != null) {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    LOG.warn("Rollout {}: watching a deployment failed", rolloutId, e);
                    ledger.halt(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
