package org.fleetdesk.api;

/** HTTP 429: too many requests; {@link #retryAfterMillis()} is the server's Retry-After, or -1 when absent. */
public class RateLimitedException extends ApiException {
    private final long retryAfterMillis;

    public RateLimitedException(String serverMessage, long retryAfterMillis) {
        super(429, serverMessage);
        this.retryAfterMillis = retryAfterMillis;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
