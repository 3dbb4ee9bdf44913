package org.fleetdesk.rollout;

import java.time.Duration;

/**
 * How long a run has left, at the pace it has finished targets since it began; targets finished before a resume do
 * not count, or a resumed rollout would look far faster than it is.
 */
final class Pace {
    private final long startedAt;
    private final int doneAtStart;

    Pace(long startedAt, int doneAtStart) {
        this.startedAt = startedAt;
        this.doneAtStart = doneAtStart;
    }

    /** Null until this run has finished a target, and when nothing is left. */
    Duration remaining(StatusCounts totals, long now) {
        int doneHere = totals.done() - doneAtStart;
        int left = totals.total() - totals.done();
        return doneHere > 0 && left > 0 ? Duration.ofMillis((now - startedAt) * left / doneHere) : null;
    }
}
