package org.fleetdesk.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.RequestLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rollout being carried out in this process. One thread drives the waves (a wave's deployments are created only once
 * the previous wave has finished), {@code concurrency} workers create deployments and as many watch them; every
 * change of a target is journalled before it is counted. The failure threshold is checked after every finished
 * deployment. {@link #pause()}, {@link #resume()} and {@link #abort()} may be called from any thread at any time.
 * Stopping (threshold or abort) creates nothing more, cancels every pending deployment of this rollout, and watches the
 * rest until they finish. Listeners hear the progress a few times a second; {@link #completion()} gives the last.
 */
public final class RolloutRun {
    private static final Logger LOG = LoggerFactory.getLogger(RolloutRun.class);
    private static final long TICK_MILLIS = 200;
    private static final long SAMPLE_MILLIS = 1000;
    private static final long EXTERNAL_CHECK_MILLIS = 1000;
    private static final Duration WORKER_GRACE = Duration.ofSeconds(5);

    private final Rollout rollout;
    private final RolloutJournal journal;
    private final List<TargetState> targets;
    private final List<Wave> waves;
    private final LongSupplier clock;
    private final WorkQueue queue;
    private final RolloutExecutor executor;
    private final RolloutMonitor monitor;
    private final boolean waitForUnfinished;
    private final Runnable onEnd;
    private final List<RolloutListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<RolloutProgress> completion = new CompletableFuture<>();
    private final AtomicLong statusRequests = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private final Object lock = new Object();
    private final Tally tally;
    private final long startedAt;
    private final int doneAtStart;
    private RolloutState state;
    private String reason;
    private RuntimeException haltCause;
    private int sendsInFlight;
    private int currentWave;
    private boolean unpublished = true;
    private boolean unsampled = true;
    private long lastSample;
    private long lastExternalCheck;

    RolloutRun(Rollout rollout, List<RolloutTarget> rows, RolloutJournal journal, ConnectClient client,
               RequestLimiter limiter, RolloutState initialState, boolean waitForUnfinished, Runnable onEnd) {
        this.rollout = rollout;
        this.journal = journal;
        this.clock = System::currentTimeMillis;
        this.waves = rollout.plan().waves(rows.size());
        this.targets = rows.stream().map(TargetState::new).toList();
        this.state = initialState;
        this.reason = rollout.reason();
        this.waitForUnfinished = waitForUnfinished;
        this.onEnd = onEnd;
        this.tally = new Tally(waves.size());
        ServerClock serverClock = new ServerClock();
        int done = 0;
        for (RolloutTarget row : rows) {
            tally.add(row.wave(), row.status());
            done += row.status().isFinal() ? 1 : 0;
            if (row.createdLocal() != null && row.createdAt() != null) {
                serverClock.observe(row.createdLocal().toEpochMilli(), row.createdAt());
            }
        }
        this.doneAtStart = done;
        this.startedAt = clock.getAsLong();
        this.queue = new WorkQueue(clock);
        Reconciler reconciler = new Reconciler(client, journal, serverClock, rollout.artefactId());
        this.executor = new RolloutExecutor(this, client, limiter, reconciler, serverClock, clock);
        this.monitor = new RolloutMonitor(this, client, queue, reconciler, serverClock, new DurationModel(),
                rollout.plan().timeout(), clock);
    }

    // ---- public face ----

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
        listeners.add(listener);
    }

    public void removeListener(RolloutListener listener) {
        listeners.remove(listener);
    }

    public RolloutProgress progress() {
        synchronized (lock) {
            return snapshot(completion.isDone());
        }
    }

    /** Completes with the last progress when the run is over (completed, stopped, aborted or halted). */
    public CompletableFuture<RolloutProgress> completion() {
        return completion;
    }

    /** Why the API made the run halt (billing, token, persistent failure); empty otherwise. */
    public Optional<RuntimeException> haltCause() {
        synchronized (lock) {
            return Optional.ofNullable(haltCause);
        }
    }

    /** Creates no new deployments until {@link #resume()}; those created are still watched. */
    public void pause() {
        changeState(RolloutState.PAUSED, null, s -> s == RolloutState.RUNNING);
    }

    public void resume() {
        changeState(RolloutState.RUNNING, null, s -> s == RolloutState.PAUSED);
    }

    /** Creates nothing more and cancels this rollout's pending deployments. */
    public void abort() {
        changeState(RolloutState.ABORTED, "Aborted by the user.", RolloutRun::isProceeding);
    }

    // ---- for the executor and the monitor ----

    String artefactId() {
        return rollout.artefactId();
    }

    boolean isStopping() {
        synchronized (lock) {
            return state == RolloutState.STOPPED || state == RolloutState.ABORTED;
        }
    }

    String stopReasonForCancel() {
        synchronized (lock) {
            return state == RolloutState.ABORTED ? "Cancelled: the rollout was aborted."
                    : "Cancelled: the rollout stopped (" + reason + ").";
        }
    }

    void countStatusRequest() {
        statusRequests.incrementAndGet();
    }

    /** True when the target may be sent now (then {@link #endSend()} must follow); otherwise it is set aside. */
    boolean beginSend(TargetState target) {
        synchronized (lock) {
            if (target.status != TargetStatus.WAITING) {
                return false;
            }
            if (state == RolloutState.RUNNING) {
                sendsInFlight++;
                return true;
            }
            if (state == RolloutState.PAUSED) {
                queue.sendAgain(target);
            }
            return false;
        }
    }

    /** Whether a send that was not made may be tried again now (the caller still holds its send). */
    boolean beginRetry(TargetState target) {
        synchronized (lock) {
            if (target.status != TargetStatus.WAITING) {
                return false;
            }
            if (state == RolloutState.PAUSED) {
                queue.sendAgain(target);
            }
            return state == RolloutState.RUNNING;
        }
    }

    void endSend() {
        synchronized (lock) {
            sendsInFlight--;
            lock.notifyAll();
        }
    }

    /** Journals the intent to create the target's deployment; false if the target was skipped meanwhile. */
    boolean markSending(TargetState target, long intentAt) {
        synchronized (lock) {
            if (target.status != TargetStatus.WAITING) {
                return false;
            }
            journal.markSending(id(), target.deviceId, intentAt);
            target.intentAt = intentAt;
            move(target, TargetStatus.SENDING, null);
            return true;
        }
    }

    void created(TargetState target, Deployment deployment, Long answeredAt) {
        TargetStatus status = TargetStatus.of(deployment.state());
        synchronized (lock) {
            journal.markCreated(id(), target.deviceId, deployment, answeredAt);
            if (status.isFinal()) {
                journal.markStatus(id(), target.deviceId, status, deployment.stateReason());
            }
            target.deploymentId = deployment.id();
            target.createdAt = deployment.createdAt();
            move(target, status, deployment.stateReason());
            checkThreshold();
        }
        if (status.isWatched()) {
            monitor.watch(target);
        }
    }

    void changed(TargetState target, TargetStatus status) {
        synchronized (lock) {
            journal.markStatus(id(), target.deviceId, status, null);
            move(target, status, null);
        }
    }

    void finish(TargetState target, TargetStatus status, String why) {
        synchronized (lock) {
            journal.markStatus(id(), target.deviceId, status, why);
            move(target, status, why);
            checkThreshold();
        }
    }

    void refused(TargetState target, String why) {
        finish(target, TargetStatus.REFUSED, why);
    }

    /** The create did not happen: the target waits again, or is skipped if the rollout is stopping. */
    void notSent(TargetState target) {
        synchronized (lock) {
            if (state == RolloutState.STOPPED || state == RolloutState.ABORTED) {
                journal.markStatus(id(), target.deviceId, TargetStatus.SKIPPED, null);
                move(target, TargetStatus.SKIPPED, null);
            } else {
                journal.markWaiting(id(), target.deviceId);
                move(target, TargetStatus.WAITING, null);
            }
        }
    }

    /** The API refused to go on or could not be reached: nothing more is sent until the rollout is resumed. */
    void halt(RuntimeException cause) {
        synchronized (lock) {
            if (haltCause == null) {
                haltCause = cause;
            }
        }
        if (!changeState(RolloutState.HALTED, describe(cause), RolloutRun::isProceeding) && isStopping()) {
            LOG.warn("Rollout {} could not finish stopping: {}", id(), describe(cause));
        }
    }

    // ---- the run ----

    /** Starts the driver and the workers. */
    void start() {
        int workers = rollout.plan().concurrency();
        for (int i = 1; i <= workers; i++) {
            threads.add(thread("send-" + i, this::sendLoop));
            threads.add(thread("watch-" + i, this::watchLoop));
        }
        threads.add(thread("driver", this::drive));
        threads.forEach(Thread::start);
    }

    private Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, "rollout-" + id() + "-" + name);
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
                    LOG.warn("Rollout {}: creating the deployment of {} failed", id(), target.deviceId, e);
                    halt(e);
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
                    LOG.warn("Rollout {}: watching a deployment failed", id(), e);
                    halt(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drive() {
        try {
            for (TargetState target : targets) {
                if (target.status == TargetStatus.SENDING) {
                    monitor.reconcileSoon(target);
                } else if (target.status.isWatched()) {
                    monitor.watch(target);
                }
            }
            waitUntil(() -> tally.count(TargetStatus.SENDING) == 0 || state == RolloutState.HALTED);
            for (Wave wave : waves) {
                synchronized (lock) {
                    if (!isProceeding(state)) {
                        break;
                    }
                    currentWave = wave.index();
                    unpublished = true;
                }
                for (TargetState target : targets.subList(wave.from(), wave.to())) {
                    if (target.status == TargetStatus.WAITING) {
                        queue.send(target);
                    }
                }
                waitUntil(() -> tally.isDone(wave) || !isProceeding(state));
            }
            changeState(RolloutState.COMPLETED, null, RolloutRun::isProceeding);
            if (isStopping()) {
                windDown();
            } else {
                waitUntil(() -> sendsInFlight == 0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Rollout {} failed", id(), e);
            halt(e);
        } finally {
            end();
        }
    }

    /** After a stop or an abort: skip what was not sent, cancel what is pending, watch the rest to its end. */
    private void windDown() throws InterruptedException {
        synchronized (lock) {
            queue.drainSends();
            for (TargetState target : targets) {
                if (target.status == TargetStatus.WAITING) {
                    move(target, TargetStatus.SKIPPED, null);
                }
            }
            journal.markAll(id(), TargetStatus.WAITING, TargetStatus.SKIPPED);
        }
        waitUntil(() -> sendsInFlight == 0 && tally.count(TargetStatus.SENDING) == 0 || haltCause != null);
        for (TargetState target : targets) {
            if (target.status == TargetStatus.PENDING) {
                monitor.cancelSoon(target);
            }
        }
        waitUntil(() -> haltCause != null || (waitForUnfinished ? waves.stream().allMatch(tally::isDone)
                : tally.count(TargetStatus.PENDING) == 0 && tally.count(TargetStatus.SENDING) == 0));
    }

    private void end() {
        queue.close();
        stopWorkers();
        RolloutProgress last;
        synchronized (lock) {
            last = snapshot(true);
        }
        try {
            journal.addSample(id(), last.at(), last.counts());
        } catch (RuntimeException e) {
            LOG.warn("Rollout {}: could not journal the last sample: {}", id(), e.getMessage());
        }
        publish(last);
        onEnd.run();
        completion.complete(last);
    }

    /**
     * Lets each worker finish the request in hand, so that nothing writes to the journal after the rollout reports
     * its end (the caller may close the store then); one still busy after the grace period (a retry wait, a request
     * to a server that went away) is interrupted: a create it leaves "sending" is reconciled by the next resume.
     */
    private void stopWorkers() {
        long deadline = System.nanoTime() + WORKER_GRACE.toNanos();
        for (Thread worker : threads) {
            if (worker == Thread.currentThread()) {
                continue;
            }
            try {
                worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                if (worker.isAlive()) {
                    worker.interrupt();
                    worker.join(WORKER_GRACE.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void waitUntil(BooleanSupplier condition) throws InterruptedException {
        while (true) {
            synchronized (lock) {
                if (condition.getAsBoolean()) {
                    return;
                }
                lock.wait(TICK_MILLIS);
            }
            tick();
        }
    }

    /** On the driver thread: tells listeners, journals a sample each second, notices an abort from elsewhere. */
    private void tick() {
        long now = clock.getAsLong();
        RolloutProgress progress = null;
        boolean sample = false;
        synchronized (lock) {
            if (unpublished) {
                unpublished = false;
                progress = snapshot(false);
            }
            if (unsampled && now - lastSample >= SAMPLE_MILLIS) {
                unsampled = false;
                lastSample = now;
                sample = true;
                if (progress == null) {
                    progress = snapshot(false);
                }
            }
        }
        if (sample) {
            journal.addSample(id(), progress.at(), progress.counts());
        }
        if (progress != null) {
            publish(progress);
        }
        if (now - lastExternalCheck >= EXTERNAL_CHECK_MILLIS) {
            lastExternalCheck = now;
            if (journal.state(id()) == RolloutState.ABORTED) {
                changeState(RolloutState.ABORTED, "Aborted from another Fleetdesk process.", RolloutRun::isProceeding);
            }
        }
    }

    private void publish(RolloutProgress progress) {
        for (RolloutListener listener : listeners) {
            try {
                listener.onProgress(progress);
            } catch (RuntimeException e) {
                LOG.warn("A rollout listener failed", e);
            }
        }
    }

    private boolean changeState(RolloutState to, String why, Predicate<RolloutState> from) {
        synchronized (lock) {
            if (!from.test(state)) {
                return false;
            }
            journal.setState(id(), to, why);
            state = to;
            reason = why;
            queue.setSendsOpen(to == RolloutState.RUNNING);
            unpublished = true;
            unsampled = true;
            lock.notifyAll();
            return true;
        }
    }

    // ---- counting (callers hold the lock) ----

    /** With the change that finished a target, under the lock: the driver never sees a wave done but unchecked. */
    private void checkThreshold() {
        rollout.plan().thresholdBreach(tally.totals(), targets.size()).ifPresent(why ->
                changeState(RolloutState.STOPPED, "Failure threshold exceeded: " + why + ".", RolloutRun::isProceeding));
    }

    private void move(TargetState target, TargetStatus status, String why) {
        target.reason = why;
        if (target.status == status) {
            return;
        }
        tally.move(target.wave, target.status, status);
        target.status = status;
        unpublished = true;
        unsampled = true;
        lock.notifyAll();
    }

    private RolloutProgress snapshot(boolean ended) {
        long now = clock.getAsLong();
        StatusCounts totals = tally.totals();
        List<WaveProgress> perWave = new ArrayList<>();
        for (Wave wave : waves) {
            perWave.add(new WaveProgress(wave, tally.of(wave)));
        }
        int doneHere = totals.done() - doneAtStart;
        int left = totals.total() - totals.done();
        Duration eta = state == RolloutState.RUNNING && doneHere > 0 && left > 0
                ? Duration.ofMillis((now - startedAt) * left / doneHere) : null;
        return new RolloutProgress(id(), state, reason, totals, perWave, currentWave, eta, statusRequests.get(), ended,
                Instant.ofEpochMilli(now));
    }

    private static boolean isProceeding(RolloutState state) {
        return state == RolloutState.RUNNING || state == RolloutState.PAUSED;
    }

    static String describe(RuntimeException e) {
        if (e instanceof ApiException api && api.serverMessage() != null) {
            return api.serverMessage() + " (HTTP " + api.status() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
