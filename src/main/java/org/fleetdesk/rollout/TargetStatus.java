package org.fleetdesk.rollout;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import org.fleetdesk.api.DeploymentState;

/**
 * Where one target device of a rollout stands: not yet sent, being sent (the intent is journalled and the request may
 * have reached the API), its deployment's state as last seen, or how it ended without one.
 */
public enum TargetStatus {
    WAITING, SENDING, PENDING, IN_PROGRESS, SUCCEEDED, FAILED, CANCELLED,
    /** Not finished within the plan's timeout: counts as a failure. */
    TIMED_OUT,
    /** The API refused to create this device's deployment (e.g. the device was deleted): counts as a failure. */
    REFUSED,
    /** Never sent because the rollout stopped or was aborted first. */
    SKIPPED;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TargetStatus fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown target status \"" + name + "\""));
    }

    public static TargetStatus of(DeploymentState state) {
        return valueOf(state.name());
    }

    /** Nothing more will happen to the target in this rollout. */
    public boolean isFinal() {
        return compareTo(SUCCEEDED) >= 0;
    }

    public boolean isFailure() {
        return this == FAILED || this == TIMED_OUT || this == REFUSED;
    }

    /** A deployment exists and the monitor is waiting for it to finish. */
    public boolean isWatched() {
        return this == PENDING || this == IN_PROGRESS;
    }
}
