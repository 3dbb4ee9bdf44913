package org.fleetdesk.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Caps the requests sent to one organisation: at most {@code requestsPerSecond} on average (bursts up to one
 * second's worth) and at most {@code maxConcurrent} in flight. Share one instance between every client and thread that
 * talks to the same organisation: when the server says "slow down" ({@link #pauseFor}), all of them back off together.
 * Thread-safe.
 */
public final class RequestLimiter {
    private final double requestsPerSecond;
    private final int maxConcurrent;
    private final double capacity;
    private final Semaphore inFlight;
    private double tokens;
    private long lastRefillNanos;
    private long pausedUntilNanos;

    private RequestLimiter(double requestsPerSecond, int maxConcurrent) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requestsPerSecond must be a positive number, got " + requestsPerSecond);
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        this.requestsPerSecond = requestsPerSecond;
        this.maxConcurrent = maxConcurrent;
        this.capacity = Math.max(1, requestsPerSecond);
        this.inFlight = new Semaphore(maxConcurrent, true);
        this.tokens = capacity;
        this.lastRefillNanos = System.nanoTime();
        this.pausedUntilNanos = lastRefillNanos;
    }

    public static RequestLimiter create(double requestsPerSecond, int maxConcurrent) {
        return new RequestLimiter(requestsPerSecond, maxConcurrent);
    }

    /** 10 requests per second, 4 at a time: polite for one organisation, fast enough for paging thousands of devices. */
    public static RequestLimiter defaults() {
        return create(10, 4);
    }

    public double requestsPerSecond() {
        return requestsPerSecond;
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** Waits for a free slot and a rate token; close the permit when the answer has been read. */
    public Permit acquire() throws InterruptedException {
        inFlight.acquire();
        try {
            awaitToken();
        } catch (InterruptedException e) {
            inFlight.release();
            throw e;
        }
        return new Permit(inFlight);
    }

    /**
     * No request starts before {@code delay} has passed, on any thread sharing this limiter; afterwards requests resume
     * at the steady rate, without a burst that would provoke the server again.
     */
    public void pauseFor(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        synchronized (this) {
            if (until - pausedUntilNanos > 0) {
                pausedUntilNanos = until;
                lastRefillNanos = until;
                tokens = 0;
            }
        }
    }

    private void awaitToken() throws InterruptedException {
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = System.nanoTime();
                if (pausedUntilNanos - now > 0) {
                    waitNanos = pausedUntilNanos - now;
                } else {
                    tokens = Math.min(capacity, tokens + (now - lastRefillNanos) * requestsPerSecond / 1e9);
                    lastRefillNanos = now;
                    if (tokens >= 1) {
                        tokens -= 1;
                        return;
                    }
                    waitNanos = (long) Math.ceil((1 - tokens) / requestsPerSecond * 1e9);
                }
            }
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }

    @Override
    public String toString() {
        return "RequestLimiter[" + requestsPerSecond + "/s, " + maxConcurrent + " at a time]";
    }

    /** One request's slot; closing it twice is harmless. */
    public static final class Permit implements AutoCloseable {
        private final Semaphore owner;
        private boolean released;

        private Permit(Semaphore owner) {
            this.owner = owner;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                owner.release();
            }
        }
    }
}
