package org.fleetdesk.api;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently idempotent requests (GET, DELETE, PUT cancel) are retried after a connection failure,
 * a 5xx or a 429: exponential backoff with jitter, never shorter than the server's {@code Retry-After}. A
 * {@code Retry-After} longer than {@link #maxRetryAfter()} is not waited for: the failure is surfaced instead.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.baseDelay = builder.baseDelay;
        this.maxDelay = builder.maxDelay;
        this.maxRetryAfter = builder.maxRetryAfter;
    }

    /** Four attempts, 0.5 s doubling up to 30 s, waits up to 2 minutes when the server asks to. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** One attempt: every failure is surfaced at once. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Attempts in total, the first one included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The wait before retry number {@code retry} (1 = the second attempt): half the exponential backoff plus a random
     * share of the other half, so that clients that failed together do not retry together; at least
     * {@code retryAfterMillis} when the server sent one (negative = none).
     */
    public Duration delayBefore(int retry, long retryAfterMillis) {
        long backoff = baseDelay.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(maxDelay.toMillis(), backoff);
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(Math.max(jittered, retryAfterMillis));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    public static final class Builder {
        private int maxAttempts = 4;
        private Duration baseDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofMinutes(2);

        private Builder() {
        }

        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        public Builder baseDelay(Duration delay) {
            this.baseDelay = requireNonNegative(delay, "baseDelay");
            return this;
        }

        public Builder maxDelay(Duration delay) {
            this.maxDelay = requireNonNegative(delay, "maxDelay");
            return this;
        }

        public Builder maxRetryAfter(Duration delay) {
            this.maxRetryAfter = requireNonNegative(delay, "maxRetryAfter");
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration requireNonNegative(Duration delay, String name) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException(name + " cannot be negative, got " + delay);
            }
            return delay;
        }
    }
}
