package org.fleetdesk.sim;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The faults a simulator injects into Management API requests (never into its own {@code /_sim/} endpoints):
 * added latency, a rate limit answered with 429 and {@code Retry-After}, 500/502/503 answers given instead of
 * processing the request, and responses cut off mid-body after the request was processed.
 */
final class Faults {
    private static final int[] FAILURE_STATUSES = {500, 502, 503};
    private static final Map<Integer, String> FAILURE_MESSAGES = Map.of(500, "Internal server error",
            502, "Bad gateway", 503, "Service unavailable");

    private final long latencyMs;
    private final RateLimiter rateLimiter;
    private final double failRate;
    private final double truncateRate;
    private final SplittableRandom random;

    Faults(SimConfig config) {
        this.latencyMs = config.latencyMs();
        this.rateLimiter = config.rateLimit() > 0 ? new RateLimiter(config.rateLimit()) : null;
        this.failRate = config.failRate();
        this.truncateRate = config.truncateRate();
        this.random = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    }

    /** The answer that replaces processing the request, or null to process it normally. */
    SimResponse before() {
        if (latencyMs > 0) {
            try {
                Thread.sleep(latencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (rateLimiter != null) {
            long retryAfter = rateLimiter.acquire();
            if (retryAfter > 0) {
                return SimResponse.error(429, "Rate limit exceeded: retry after " + retryAfter + " s",
                        Map.of("Retry-After", Long.toString(retryAfter)));
            }
        }
        if (failRate > 0 && chance(failRate)) {
            int status = FAILURE_STATUSES[pick(FAILURE_STATUSES.length)];
            return status == 503
                    ? SimResponse.error(status, FAILURE_MESSAGES.get(status), Map.of("Retry-After", "1"))
                    : SimResponse.error(status, FAILURE_MESSAGES.get(status));
        }
        return null;
    }

    boolean truncate() {
        return truncateRate > 0 && chance(truncateRate);
    }

    private synchronized boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private synchronized int pick(int bound) {
        return random.nextInt(bound);
    }
}
