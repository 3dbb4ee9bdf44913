package org.fleetdesk.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.DeploymentState;

/**
 * One deployment and the plan of what its device will do with it. The state is computed from the simulated time
 * when asked rather than advanced by a timer, so thousands of deployments in flight cost nothing: the device picks
 * it up at {@code pickupAt} (null while the device is offline), installs for {@code installTime}, then reaches
 * {@code outcome}. Cancelling or superseding closes it early.
 */
final class SimDeployment {
    static final String SUPERSEDED = "Superseded by a newer deployment";

    final String id;
    final String deviceId;
    final String artefactId;
    final Instant createdAt;
    final long sequence;
    private final Duration installTime;
    private final DeploymentState outcome;
    private final String outcomeReason;
    private Instant pickupAt;
    private DeploymentState closedState;
    private String closedReason;
    private Instant closedAt;

    SimDeployment(String id, String deviceId, String artefactId, Instant createdAt, long sequence, Instant pickupAt,
                  Duration installTime, DeploymentState outcome, String outcomeReason) {
        this.id = id;
        this.deviceId = deviceId;
        this.artefactId = artefactId;
        this.createdAt = createdAt;
        this.sequence = sequence;
        this.pickupAt = pickupAt;
        this.installTime = installTime;
        this.outcome = outcome;
        this.outcomeReason = outcomeReason;
    }

    Deployment at(Instant now) {
        if (closedState != null) {
            return view(closedState, closedReason, closedAt);
        }
        if (pickupAt == null || now.isBefore(pickupAt)) {
            return view(DeploymentState.PENDING, null, createdAt);
        }
        Instant finishedAt = pickupAt.plus(installTime);
        if (now.isBefore(finishedAt)) {
            return view(DeploymentState.IN_PROGRESS, null, pickupAt);
        }
        return view(outcome, outcomeReason, finishedAt);
    }

    DeploymentState stateAt(Instant now) {
        return at(now).state();
    }

    /** When the device will be done with it, or null if that is not planned yet (pending on an offline device). */
    Instant finishesAt() {
        return closedState != null ? closedAt : pickupAt == null ? null : pickupAt.plus(installTime);
    }

    void close(DeploymentState state, String reason, Instant at) {
        closedState = state;
        closedReason = reason;
        closedAt = at;
    }

    /** True while nothing is planned because the device is offline. */
    boolean awaitingDevice() {
        return closedState == null && pickupAt == null;
    }

    void planPickup(Instant at) {
        pickupAt = at;
    }

    private Deployment view(DeploymentState state, String reason, Instant updatedAt) {
        return new Deployment(id, state, reason, deviceId, artefactId, createdAt, updatedAt.truncatedTo(ChronoUnit.SECONDS));
    }
}
