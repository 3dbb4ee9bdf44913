package org.fleetdesk.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.DeploymentState;
import org.fleetdesk.api.NotFoundException;
import org.fleetdesk.api.UnauthorizedException;
import org.fleetdesk.api.UnprocessableException;

/**
 * Watches the unfinished deployments of a running rollout — only those — one {@code GET /deployments/ID} each, at the
 * ages {@link PollSchedule} picks: a device's deployment list would cost the same request and answer more. Learns how
 * long deployments take from those that finish; counts a deployment not finished within the plan's timeout as timed
 * out (cancelling it if it is still pending); cancels pending deployments when the rollout stops; reconciles the
 * uncertain creates a crash left behind.
 */
final class RolloutMonitor {
    private final RolloutLedger ledger;
    private final ConnectClient client;
    private final WorkQueue queue;
    private final Reconciler reconciler;
    private final ServerClock serverClock;
    private final DurationModel durations;
    private final PollSchedule schedule;
    private final Duration timeout;
    private final LongSupplier clock;

    RolloutMonitor(RolloutLedger ledger, ConnectClient client, WorkQueue queue, Reconciler reconciler,
                   ServerClock serverClock, DurationModel durations, Duration timeout, LongSupplier clock) {
        this.ledger = ledger;
        this.client = client;
        this.queue = queue;
        this.reconciler = reconciler;
        this.serverClock = serverClock;
        this.durations = durations;
        this.schedule = new PollSchedule(durations, timeout.toSeconds());
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Starts watching a deployment that is not finished. */
    void watch(TargetState target) {
        reschedule(target);
    }

    void cancelSoon(TargetState target) {
        queue.watchNow(() -> cancel(target));
    }

    void reconcileSoon(TargetState target) {
        queue.watchNow(() -> reconcile(target));
    }

    private void poll(TargetState target) {
        if (!target.status.isWatched()) {
            return;
        }
        Deployment deployment;
        try {
            deployment = client.getDeployment(target.deploymentId);
        } catch (NotFoundException e) {
            ledger.finish(target, TargetStatus.FAILED, "The deployment no longer exists: its device was probably deleted.");
            return;
        } catch (UnauthorizedException e) {
            ledger.halt(e);
            return;
        } catch (ApiException e) {
            queue.watchAt(clock.getAsLong() + serverClock.localMillis(PollSchedule.SPACING_SECONDS), () -> poll(target));
            return;
        } finally {
            ledger.countStatusRequest();
        }
        TargetStatus status = TargetStatus.of(deployment.state());
        if (status.isFinal()) {
            learn(deployment);
            ledger.finish(target, status, deployment.stateReason());
        } else {
            if (status != target.status) {
                ledger.changed(target, status);
            }
            if (status == TargetStatus.PENDING && ledger.isStopping()) {
                cancel(target);
            } else {
                reschedule(target);
            }
        }
    }

    private void reschedule(TargetState target) {
        long now = clock.getAsLong();
        double age = ageSeconds(target, now);
        if (schedule.isTimedOut(age)) {
            timeOut(target);
            return;
        }
        long delay = serverClock.localMillis(schedule.nextAge(age) - age);
        queue.watchAt(now + Math.max(1, delay), () -> poll(target));
    }

    private void timeOut(TargetState target) {
        String reason = "Not finished after " + timeout.toMinutes() + " minutes";
        if (target.status == TargetStatus.PENDING) {
            try {
                client.cancelDeployment(target.deploymentId);
                reason += "; the pending deployment was cancelled";
            } catch (ApiException e) {
                reason += "; cancelling it failed: " + e.getMessage();
            }
        }
        ledger.finish(target, TargetStatus.TIMED_OUT, reason + ".");
    }

    private void cancel(TargetState target) {
        if (target.status != TargetStatus.PENDING) {
            return;
        }
        try {
            Deployment cancelled = client.cancelDeployment(target.deploymentId);
            ledger.finish(target, TargetStatus.of(cancelled.state()), ledger.stopReasonForCancel());
        } catch (UnprocessableException e) {
            queue.watchNow(() -> poll(target));
        } catch (NotFoundException e) {
            ledger.finish(target, TargetStatus.FAILED, "The deployment no longer exists: its device was probably deleted.");
        } catch (ApiException e) {
            queue.watchAt(clock.getAsLong() + serverClock.localMillis(PollSchedule.SPACING_SECONDS), () -> poll(target));
        }
    }

    private void reconcile(TargetState target) {
        Optional<Deployment> made;
        try {
            made = reconciler.made(target.deviceId, target.intentAt);
        } catch (ApiException e) {
            ledger.halt(e);
            return;
        }
        if (made.isPresent()) {
            if (ledger.created(target, made.get(), null).isWatched()) {
                watch(target);
            }
        } else {
            ledger.notSent(target);
        }
    }

    private void learn(Deployment deployment) {
        boolean ranOnDevice = deployment.state() == DeploymentState.SUCCEEDED
                || (deployment.state() == DeploymentState.FAILED && deployment.stateReason() != null
                && !deployment.stateReason().startsWith("Superseded"));
        if (ranOnDevice && deployment.createdAt() != null && deployment.updatedAt() != null) {
            durations.add(Duration.between(deployment.createdAt(), deployment.updatedAt()).toMillis() / 1000.0);
        }
    }

    private double ageSeconds(TargetState target, long now) {
        Instant created = target.createdAt != null ? target.createdAt : serverClock.serverTime(target.intentAt);
        return Duration.between(created, serverClock.serverTime(now)).toMillis() / 1000.0;
    }
}
