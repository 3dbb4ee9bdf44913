package org.fleetdesk.rollout;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** How many targets are in each {@link TargetStatus}; in JSON an object of status name to count. Immutable. */
public final class StatusCounts {
    public static final StatusCounts NONE = new StatusCounts(new int[TargetStatus.values().length]);

    private final int[] counts;

    StatusCounts(int[] counts) {
        this.counts = counts.clone();
    }

    public static StatusCounts of(Map<TargetStatus, Integer> counts) {
        int[] values = new int[TargetStatus.values().length];
        counts.forEach((status, count) -> values[status.ordinal()] = count);
        return new StatusCounts(values);
    }

    public int get(TargetStatus status) {
        return counts[status.ordinal()];
    }

    public int total() {
        return Arrays.stream(counts).sum();
    }

    public int succeeded() {
        return get(TargetStatus.SUCCEEDED);
    }

    /** Failed, timed out or refused. */
    public int failures() {
        return get(TargetStatus.FAILED) + get(TargetStatus.TIMED_OUT) + get(TargetStatus.REFUSED);
    }

    /** Succeeded or failed: what the failure threshold is computed over (cancelled and skipped do not count). */
    public int finished() {
        return succeeded() + failures();
    }

    /** In a final status. */
    public int done() {
        int done = 0;
        for (TargetStatus status : TargetStatus.values()) {
            if (status.isFinal()) {
                done += get(status);
            }
        }
        return done;
    }

    /** Every status with its count, by the statuses' API names, in the order of {@link TargetStatus}. */
    @JsonValue
    public Map<String, Integer> toMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (TargetStatus status : TargetStatus.values()) {
            map.put(status.apiName(), get(status));
        }
        return map;
    }

    @JsonCreator
    public static StatusCounts fromMap(Map<String, Integer> map) {
        int[] values = new int[TargetStatus.values().length];
        map.forEach((name, count) -> values[TargetStatus.fromApiName(name).ordinal()] = count);
        return new StatusCounts(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatusCounts other && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (TargetStatus status : TargetStatus.values()) {
            if (get(status) > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(get(status)).append(' ')
                        .append(status.apiName().replace('_', ' '));
            }
        }
        return text.length() == 0 ? "no targets" : text.toString();
    }
}
