package org.fleetdesk.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The documented deployment states, written as the API writes them. */
public enum DeploymentState {
    PENDING, IN_PROGRESS, SUCCEEDED, FAILED, CANCELLED;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    @JsonCreator
    public static DeploymentState fromApiName(String value) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown deployment state \"" + value
                        + "\"; expected one of pending, in_progress, succeeded, failed, cancelled"));
    }
}
