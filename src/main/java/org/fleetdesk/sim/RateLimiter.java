package org.fleetdesk.sim;

/** A token bucket of one second's worth of requests, refilled continuously in real time. */
final class RateLimiter {
    private final double perSecond;
    private double tokens;
    private long lastNanos;

    RateLimiter(int perSecond) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.lastNanos = System.nanoTime();
    }

    /** 0 when the request may go ahead, otherwise the whole seconds to wait before a token is free (at least 1). */
    synchronized long acquire() {
        long now = System.nanoTime();
        tokens = Math.min(perSecond, tokens + (now - lastNanos) / 1e9 * perSecond);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }
}
