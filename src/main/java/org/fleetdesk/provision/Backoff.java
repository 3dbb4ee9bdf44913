package org.fleetdesk.provision;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import org.fleetdesk.api.RequestLimiter;

/**
 * Waits between attempts of a create whose answer was lost or refused for now. A server's Retry-After pauses the shared
 * limiter, so that every worker of the organisation backs off together; otherwise this worker alone waits a short,
 * growing, jittered delay.
 */
final class Backoff {
    private static final long BASE_MILLIS = 250;
    private static final long MAX_MILLIS = 5_000;

    private final RequestLimiter limiter;

    Backoff(RequestLimiter limiter) {
        this.limiter = limiter;
    }

    void before(int retry, long retryAfterMillis) {
        if (retryAfterMillis >= 0 && limiter != null) {
            limiter.pauseFor(Duration.ofMillis(retryAfterMillis));
            return;
        }
        long backoff = Math.min(MAX_MILLIS, BASE_MILLIS << Math.min(retry - 1, 10));
        long delay = Math.max(retryAfterMillis, backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled while waiting to try again.");
        }
    }
}
