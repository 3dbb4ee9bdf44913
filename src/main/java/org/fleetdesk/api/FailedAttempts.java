package org.fleetdesk.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the attempts that got no usable answer (429, 5xx, a failed connection or an answer cut off), over every
 * request of the clients that share it, whether the client then retried the request or its caller reconciled it:
 * what a command tells its user afterwards, since those waits and retries are otherwise invisible. Thread-safe.
 */
public final class FailedAttempts {
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger lostAnswers = new AtomicInteger();

    void answered(int status) {
        if (status == 429) {
            rateLimited.incrementAndGet();
        } else if (status >= 500) {
            serverErrors.incrementAndGet();
        }
    }

    void connectionFailed() {
        lostAnswers.incrementAndGet();
    }

    /** One sentence for the user, or null when every attempt was answered. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (rateLimited.get() > 0) {
            parts.add("asked to slow down (HTTP 429) " + times(rateLimited.get()));
        }
        if (serverErrors.get() > 0) {
            parts.add("failed with a server error (HTTP 5xx) " + times(serverErrors.get()));
        }
        if (lostAnswers.get() > 0) {
            parts.add("could not be reached or cut an answer off " + times(lostAnswers.get()));
        }
        if (parts.isEmpty()) {
            return null;
        }
        return "The API " + String.join(", ", parts) + "; Fleetdesk waited, retried or checked what was done each time.";
    }

    private static String times(int count) {
        return count == 1 ? "once" : count + " times";
    }

    @Override
    public String toString() {
        return "FailedAttempts[429: " + rateLimited + ", 5xx: " + serverErrors + ", lost: " + lostAnswers + "]";
    }
}
