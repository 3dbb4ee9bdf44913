package org.fleetdesk.rollout;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The state of a whole rollout. */
public enum RolloutState {
    RUNNING,
    /** No new deployments are created; those already created are still monitored. */
    PAUSED,
    COMPLETED,
    /** Its failure threshold was exceeded: pending deployments were cancelled, no more are created. */
    STOPPED,
    /** Aborted by a person: pending deployments were cancelled, no more are created. */
    ABORTED,
    /** The API refused to go on (billing, token) or kept failing: nothing more is sent until it is resumed. */
    HALTED;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RolloutState fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rollout state \"" + name + "\""));
    }

    public boolean isFinal() {
        return this == COMPLETED || this == STOPPED || this == ABORTED;
    }

    /** Can be continued: interrupted while running (a crash), paused, or halted by the API. */
    public boolean isResumable() {
        return !isFinal();
    }
}
