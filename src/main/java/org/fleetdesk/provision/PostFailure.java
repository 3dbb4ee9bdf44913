package org.fleetdesk.provision;

import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.NetworkException;
import org.fleetdesk.api.RateLimitedException;
import org.fleetdesk.api.ServerErrorException;

/**
 * What a failed POST (create) means for what exists on the server. The client never retries a POST that may have
 * reached the server, so the provisioning code decides, and it must not simply send it again.
 */
enum PostFailure {
    /** The server refused it (4xx), or nothing was ever sent: final for this item. */
    REFUSED,
    /** The server said "slow down" (429) without processing it: safe to send again after waiting. */
    NOT_PROCESSED,
    /**
     * Sent, but the answer was lost: a timeout or broken connection after sending, a body cut off or unreadable, or a
     * 5xx from a server or gateway that may have done the work. Whether the resource exists must be checked.
     */
    ANSWER_LOST;

    static PostFailure of(ApiException e) {
        if (e instanceof RateLimitedException) {
            return NOT_PROCESSED;
        }
        if (e instanceof NetworkException network) {
            return network.requestMayHaveBeenSent() ? ANSWER_LOST : REFUSED;
        }
        if (e instanceof ServerErrorException || e.status() >= 200 && e.status() < 300) {
            return ANSWER_LOST;
        }
        return REFUSED;
    }

    /** The server's Retry-After in milliseconds, or -1. */
    static long retryAfterMillis(ApiException e) {
        if (e instanceof RateLimitedException limited) {
            return limited.retryAfterMillis();
        }
        return e instanceof ServerErrorException failed ? failed.retryAfterMillis() : -1;
    }
}
