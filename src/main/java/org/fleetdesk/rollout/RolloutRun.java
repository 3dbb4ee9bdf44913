package org.fleetdesk.rollout;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.RequestLimiter;

/**
 * A rollout being carried out in this process. A {@link WaveDriver} takes it through its waves, {@code concurrency}
 * {@link RolloutWorkers} create deployments ({@link RolloutExecutor}) and as many watch them ({@link RolloutMonitor});
 * the {@link RolloutLedger} journals every change of a target before counting it and checks the failure threshold.
 * {@link #pause()}, {@link #resume()} and {@link #abort()} may be called from any thread at any time. Stopping
 * (threshold or abort) creates nothing more, cancels every pending deployment of this rollout, and watches the rest
 * until they finish. Listeners hear the progress a few times a second; {@link #completion()} gives the last.
 */
public final class RolloutRun {
    private final Rollout rollout;
    private final List<Wave> waves;
    private final WorkQueue queue;
    private final RolloutLedger ledger;
    private final RolloutWorkers workers;
    private final WaveDriver driver;
    private final ProgressReporter reporter;
    private final Runnable onEnd;
    private final CompletableFuture<RolloutProgress> completion = new CompletableFuture<>();

    RolloutRun(Rollout rollout, List<RolloutTarget> rows, RolloutJournal journal, ConnectClient client,
               RequestLimiter limiter, RolloutState initialState, boolean waitForUnfinished, Runnable onEnd) {
        LongSupplier clock = System::currentTimeMillis;
        this.rollout = rollout;
        this.onEnd = onEnd;
        this.waves = rollout.plan().waves(rows.size());
        this.queue = new WorkQueue(clock);
        this.ledger = new RolloutLedger(rollout, rows, waves, journal, queue, initialState, clock);
        ServerClock serverClock = new ServerClock();
        for (RolloutTarget row : rows) {
            if (row.createdLocal() != null && row.createdAt() != null) {
                serverClock.observe(row.createdLocal().toEpochMilli(), row.createdAt());
            }
        }
        Reconciler reconciler = new Reconciler(client, journal, serverClock, rollout.artefactId());
        RolloutMonitor monitor = new RolloutMonitor(ledger, client, queue, reconciler, serverClock,
                new DurationModel(), rollout.plan().timeout(), clock);
        RolloutExecutor executor = new RolloutExecutor(ledger, monitor, client, limiter, reconciler, serverClock,
                rollout.artefactId(), clock);
        this.workers = new RolloutWorkers(rollout.id(), queue, executor, ledger);
        this.reporter = new ProgressReporter(ledger, journal);
        this.driver = new WaveDriver(ledger, waves, queue, monitor, reporter, journal, waitForUnfinished, clock);
    }

    public String id() {
        return rollout.id();
    }

    /** The rollout as it was when this run began (its plan, artefact, targets description). */
    public Rollout rollout() {
        return rollout;
    }

    public RolloutPlan plan() {
        return rollout.plan();
    }

    public List<Wave> waves() {
        return waves;
    }

    public void addListener(RolloutListener listener) {
        reporter.addListener(listener);
    }

    public void removeListener(RolloutListener listener) {
        reporter.removeListener(listener);
    }

    public RolloutProgress progress() {
        return ledger.progress(completion.isDone());
    }

    /** Completes with the last progress when the run is over (completed, stopped, aborted or halted). */
    public CompletableFuture<RolloutProgress> completion() {
        return completion;
    }

    /** Why the API made the run halt (billing, token, persistent failure); empty otherwise. */
    public Optional<RuntimeException> haltCause() {
        return Optional.ofNullable(ledger.haltCause());
    }

    /** Creates no new deployments until {@link #resume()}; those created are still watched. */
    public void pause() {
        ledger.pause();
    }

    public void resume() {
        ledger.resume();
    }

    /** Creates nothing more and cancels this rollout's pending deployments. */
    public void abort() {
        ledger.abort("Aborted by the user.");
    }

    /** Starts the workers, then the driver, which ends the run when it is done. */
    void start() {
        workers.start(rollout.plan().concurrency());
        RolloutWorkers.thread(id(), "driver", () -> {
            try {
                driver.drive();
            } finally {
                end();
            }
        }).start();
    }

    /** The workers stop before the end is told: the caller may close the journal's store once it hears it. */
    private void end() {
        queue.close();
        workers.stop();
        RolloutProgress last = reporter.reportEnd();
        onEnd.run();
        completion.complete(last);
    }
}
