package org.fleetdesk.rollout;

/**
 * When to look at an unfinished deployment next, from its age on the API's clock. While nothing is known, polls come
 * quickly and spread out (2, 4, 8 … seconds). Once a few deployments have finished, the first poll waits until the
 * age at which the quickest 5% finished, polls then come every {@link #SPACING_SECONDS} until the age by which 95%
 * finished (so a finish is seen within that spacing), and beyond it — stragglers, offline devices — they back off
 * up to {@link #MAX_INTERVAL_SECONDS} apart. The timeout is always looked at exactly when it falls due.
 */
final class PollSchedule {
    static final double FIRST_SECONDS = 2;
    static final double SPACING_SECONDS = 8;
    static final double MAX_INTERVAL_SECONDS = 600;

    private final DurationModel durations;
    private final double timeoutSeconds;

    PollSchedule(DurationModel durations, double timeoutSeconds) {
        this.durations = durations;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The age (API seconds) at which to poll a deployment that is {@code age} seconds old and not finished. */
    double nextAge(double age) {
        double next;
        if (!durations.isReady()) {
            next = Math.max(FIRST_SECONDS, Math.min(age * 2, age + SPACING_SECONDS));
        } else {
            double early = durations.quantile(0.05);
            double late = durations.quantile(0.95);
            if (age < early) {
                next = early;
            } else if (age < late + SPACING_SECONDS) {
                next = age + SPACING_SECONDS;
            } else {
                next = age + Math.min(MAX_INTERVAL_SECONDS, Math.max(SPACING_SECONDS, age - late));
            }
        }
        return age < timeoutSeconds ? Math.min(next, timeoutSeconds) : next;
    }

    boolean isTimedOut(double age) {
        return age >= timeoutSeconds;
    }
}
