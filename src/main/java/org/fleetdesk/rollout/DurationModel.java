package org.fleetdesk.rollout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long this rollout's deployments take from creation to a final state, in API seconds, learnt from those that
 * finished (the first {@value #MAX_SAMPLES} are plenty to know the distribution). Thread-safe.
 */
final class DurationModel {
    static final int MIN_SAMPLES = 5;
    static final int MAX_SAMPLES = 2000;

    private final List<Double> sorted = new ArrayList<>();

    synchronized void add(double seconds) {
        if (sorted.size() >= MAX_SAMPLES || !(seconds >= 0)) {
            return;
        }
        int at = Collections.binarySearch(sorted, seconds);
        sorted.add(at < 0 ? -at - 1 : at, seconds);
    }

    synchronized boolean isReady() {
        return sorted.size() >= MIN_SAMPLES;
    }

    /** The duration that a share {@code q} (0 to 1) of the finished deployments did not exceed. */
    synchronized double quantile(double q) {
        if (sorted.isEmpty()) {
            throw new IllegalStateException("no duration learnt yet");
        }
        int index = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(q * sorted.size()) - 1));
        return sorted.get(index);
    }
}
