package org.fleetdesk.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The simulated time of an organisation: starts at the real time of the server's start, runs {@code speed} times
 * faster than real time, and can be moved forward by hand. Never goes backwards.
 */
public final class SimClock {
    private final Instant start;
    private final long startNanos;
    private final double speed;
    private volatile long advancedNanos;

    SimClock(double speed) {
        this.start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.startNanos = System.nanoTime();
        this.speed = speed;
    }

    public Instant now() {
        long elapsed = (long) ((System.nanoTime() - startNanos) * speed);
        return start.plusNanos(elapsed + advancedNanos);
    }

    /** The current simulated time in whole seconds, as the API writes timestamps. */
    public Instant nowSeconds() {
        return now().truncatedTo(ChronoUnit.SECONDS);
    }

    public synchronized Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("simulated time only moves forward");
        }
        advancedNanos += duration.toNanos();
        return now();
    }
}
