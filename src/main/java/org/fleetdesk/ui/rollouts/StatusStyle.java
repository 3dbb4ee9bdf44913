package org.fleetdesk.ui.rollouts;

import org.fleetdesk.rollout.RolloutState;
import org.fleetdesk.rollout.TargetStatus;

/** Words and style classes for target statuses and rollout states, the same everywhere on the Deployments screen. */
final class StatusStyle {
    private StatusStyle() {
    }

    static String label(TargetStatus status) {
        return switch (status) {
            case WAITING -> "Waiting";
            case SENDING -> "Sending";
            case PENDING -> "Pending";
            case IN_PROGRESS -> "In progress";
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
            case TIMED_OUT -> "Timed out";
            case REFUSED -> "Refused";
            case SKIPPED -> "Skipped";
        };
    }

    static String styleClass(TargetStatus status) {
        return "status-" + status.apiName();
    }

    /** "interrupted" for a rollout the journal says is running or paused but that runs in no process here. */
    static String state(RolloutState state, boolean runningHere) {
        return state.isResumable() && state != RolloutState.HALTED && !runningHere ? "interrupted" : state.apiName();
    }
}
