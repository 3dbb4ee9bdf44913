package org.fleetdesk.rollout;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a run through its waves on one thread. On a resume it first reconciles the creates a crash left uncertain
 * and watches what was left unfinished, and sends nothing before those are settled. A wave's targets are queued only
 * once the previous wave has finished; after a stop or an abort it skips what was not sent, cancels what is pending
 * and waits for the rest to finish. While it waits it ticks: reports the progress and notices an abort journalled by
 * another process.
 */
final class WaveDriver {
    private static final Logger LOG = LoggerFactory.getLogger(WaveDriver.class);
    private static final long TICK_MILLIS = 200;
    private static final long EXTERNAL_CHECK_MILLIS = 1000;

    private final RolloutLedger ledger;
    private final List<Wave> waves;
    private final WorkQueue queue;
    private final RolloutMonitor monitor;
    private final ProgressReporter reporter;
    private final RolloutJournal journal;
    private final boolean waitForUnfinished;
    private final LongSupplier clock;
    private long lastExternalCheck;

    /**
     * {@code waitForUnfinished}: after a stop or an abort, wait until every target has finished; otherwise only until
     * none is pending or sending (an abort carried out for a rollout that no process runs).
     */
    WaveDriver(RolloutLedger ledger, List<Wave> waves, WorkQueue queue, RolloutMonitor monitor,
               ProgressReporter reporter, RolloutJournal journal, boolean waitForUnfinished, LongSupplier clock) {
        this.ledger = ledger;
        this.waves = waves;
        this.queue = queue;
        this.monitor = monitor;
        this.reporter = reporter;
        this.journal = journal;
        this.waitForUnfinished = waitForUnfinished;
        this.clock = clock;
    }

    /** Returns when the run is over: completed, stopped, aborted or halted. */
    void drive() {
        try {
            List<TargetState> targets = ledger.targets();
            for (TargetState target : targets) {
                if (target.status == TargetStatus.SENDING) {
                    monitor.reconcileSoon(target);
                } else if (target.status.isWatched()) {
                    monitor.watch(target);
                }
            }
            waitUntil(() -> ledger.count(TargetStatus.SENDING) == 0 || ledger.state() == RolloutState.HALTED);
            for (Wave wave : waves) {
                if (!ledger.startWave(wave)) {
                    break;
                }
                for (TargetState target : targets.subList(wave.from(), wave.to())) {
                    if (target.status == TargetStatus.WAITING) {
                        queue.send(target);
                    }
                }
                waitUntil(() -> ledger.isDone(wave) || !ledger.isProceeding());
            }
            ledger.complete();
            if (ledger.isStopping()) {
                windDown();
            } else {
                waitUntil(() -> !ledger.hasSendsInFlight());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Rollout {} failed", ledger.id(), e);
            ledger.halt(e);
        }
    }

    private void windDown() throws InterruptedException {
        ledger.skipUnsent();
        waitUntil(() -> !ledger.hasSendsInFlight() && ledger.count(TargetStatus.SENDING) == 0
                || ledger.haltCause() != null);
        for (TargetState target : ledger.targets()) {
            if (target.status == TargetStatus.PENDING) {
                monitor.cancelSoon(target);
            }
        }
        waitUntil(() -> ledger.haltCause() != null || (waitForUnfinished ? waves.stream().allMatch(ledger::isDone)
                : ledger.count(TargetStatus.PENDING) == 0 && ledger.count(TargetStatus.SENDING) == 0));
    }

    /** {@code condition} is evaluated holding the ledger's lock, so it sees one consistent state. */
    private void waitUntil(BooleanSupplier condition) throws InterruptedException {
        while (!ledger.holdsOrWait(condition, TICK_MILLIS)) {
            tick();
        }
    }

    private void tick() {
        long now = clock.getAsLong();
        reporter.report(now);
        if (now - lastExternalCheck >= EXTERNAL_CHECK_MILLIS) {
            lastExternalCheck = now;
            if (journal.state(ledger.id()) == RolloutState.ABORTED) {
                ledger.abort("Aborted from another Fleetdesk process.");
            }
        }
    }
}
