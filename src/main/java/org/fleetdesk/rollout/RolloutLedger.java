package org.fleetdesk.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of a running rollout and of each of its targets, behind one lock that the driver waits on. Every change
 * is journalled before it is counted; the failure threshold is checked with the change that finished a target. The
 * rollout state decides whether a target may be sent: only while running; while paused it goes back to the queue.
 */
final class RolloutLedger {
    private static final Logger LOG = LoggerFactory.getLogger(RolloutLedger.class);

    /** What changed since the driver last reported: the progress to publish, and whether to journal it as a sample. */
    record Changes(RolloutProgress progress, boolean sample) {
    }

    private final Rollout rollout;
    private final RolloutJournal journal;
    private final List<TargetState> targets;
    private final List<Wave> waves;
    private final WorkQueue queue;
    private final LongSupplier clock;
    private final Tally tally;
    private final AtomicLong statusRequests = new AtomicLong();
    private final Object lock = new Object();
    private final Pace pace;
    private RolloutState state;
    private String reason;
    private RuntimeException haltCause;
    private int sendsInFlight;
    private int currentWave;
    private boolean unpublished = true;
    private boolean unsampled = true;

    RolloutLedger(Rollout rollout, List<RolloutTarget> rows, List<Wave> waves, RolloutJournal journal, WorkQueue queue,
                  RolloutState initialState, LongSupplier clock) {
        this.rollout = rollout;
        this.journal = journal;
        this.waves = waves;
        this.queue = queue;
        this.clock = clock;
        this.targets = rows.stream().map(TargetState::new).toList();
        this.state = initialState;
        this.reason = rollout.reason();
        this.tally = new Tally(waves.size());
        rows.forEach(row -> tally.add(row.wave(), row.status()));
        this.pace = new Pace(clock.getAsLong(), tally.totals().done());
    }

    String id() {
        return rollout.id();
    }

    /** In rollout order; a wave's targets are {@code targets().subList(wave.from(), wave.to())}. */
    List<TargetState> targets() {
        return targets;
    }

    // ---- the rollout's state ----

    void pause() {
        changeState(RolloutState.PAUSED, null, s -> s == RolloutState.RUNNING);
    }

    void resume() {
        changeState(RolloutState.RUNNING, null, s -> s == RolloutState.PAUSED);
    }

    void abort(String why) {
        changeState(RolloutState.ABORTED, why, RolloutLedger::isProceeding);
    }

    void complete() {
        changeState(RolloutState.COMPLETED, null, RolloutLedger::isProceeding);
    }

    /** The API refused to go on or could not be reached: nothing more is sent until the rollout is resumed. */
    void halt(RuntimeException cause) {
        synchronized (lock) {
            if (haltCause == null) {
                haltCause = cause;
            }
        }
        if (!changeState(RolloutState.HALTED, describe(cause), RolloutLedger::isProceeding) && isStopping()) {
            LOG.warn("Rollout {} could not finish stopping: {}", id(), describe(cause));
        }
    }

    RuntimeException haltCause() {
        synchronized (lock) {
            return haltCause;
        }
    }

    RolloutState state() {
        synchronized (lock) {
            return state;
        }
    }

    boolean isProceeding() {
        synchronized (lock) {
            return isProceeding(state);
        }
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

    // ---- sending ----

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

    boolean hasSendsInFlight() {
        synchronized (lock) {
            return sendsInFlight > 0;
        }
    }

    // ---- the targets ----

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

    /** Records the deployment made for the target; returns its status (watch it if it is not finished). */
    TargetStatus created(TargetState target, Deployment deployment, Long answeredAt) {
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
        return status;
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

    /** After a stop or an abort: nothing waiting will be sent any more. */
    void skipUnsent() {
        synchronized (lock) {
            queue.drainSends();
            for (TargetState target : targets) {
                if (target.status == TargetStatus.WAITING) {
                    move(target, TargetStatus.SKIPPED, null);
                }
            }
            journal.markAll(id(), TargetStatus.WAITING, TargetStatus.SKIPPED);
        }
    }

    int count(TargetStatus status) {
        synchronized (lock) {
            return tally.count(status);
        }
    }

    boolean isDone(Wave wave) {
        synchronized (lock) {
            return tally.isDone(wave);
        }
    }

    // ---- waiting and reporting ----

    /** Makes {@code wave} the current one; false (and nothing changes) once the rollout no longer proceeds. */
    boolean startWave(Wave wave) {
        synchronized (lock) {
            if (!isProceeding(state)) {
                return false;
            }
            currentWave = wave.index();
            unpublished = true;
            return true;
        }
    }

    /** True when {@code condition} holds; otherwise waits up to {@code millis} for a change and returns false. */
    boolean holdsOrWait(BooleanSupplier condition, long millis) throws InterruptedException {
        synchronized (lock) {
            if (condition.getAsBoolean()) {
                return true;
            }
            lock.wait(millis);
            return false;
        }
    }

    void countStatusRequest() {
        statusRequests.incrementAndGet();
    }

    RolloutProgress progress(boolean ended) {
        synchronized (lock) {
            long now = clock.getAsLong();
            StatusCounts totals = tally.totals();
            Duration eta = state == RolloutState.RUNNING ? pace.remaining(totals, now) : null;
            return new RolloutProgress(id(), state, reason, totals, tally.perWave(waves), currentWave, eta,
                    statusRequests.get(), ended, Instant.ofEpochMilli(now));
        }
    }

    /**
     * The progress when something changed since the last call (null otherwise), to be journalled as a sample too when
     * {@code sampleDue} and the state or the counts changed since the last sample.
     */
    Changes takeChanges(boolean sampleDue) {
        synchronized (lock) {
            boolean sample = sampleDue && unsampled;
            if (!unpublished && !sample) {
                return null;
            }
            unpublished = false;
            if (sample) {
                unsampled = false;
            }
            return new Changes(progress(false), sample);
        }
    }

    // ---- under the lock ----

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

    /** With the change that finished a target, under the lock: the driver never sees a wave done but unchecked. */
    private void checkThreshold() {
        rollout.plan().thresholdBreach(tally.totals(), targets.size()).ifPresent(why -> changeState(
                RolloutState.STOPPED, "Failure threshold exceeded: " + why + ".", RolloutLedger::isProceeding));
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

    private static boolean isProceeding(RolloutState state) {
        return state == RolloutState.RUNNING || state == RolloutState.PAUSED;
    }

    /** The server's message and status for an API refusal, else the exception's message (never null). */
    static String describe(RuntimeException e) {
        if (e instanceof ApiException api && api.serverMessage() != null) {
            return api.serverMessage() + " (HTTP " + api.status() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
