package org.fleetdesk.api;

/** HTTP 5xx: the service failed; retried for idempotent requests. */
public class ServerErrorException extends ApiException {
    private final long retryAfterMillis;

    public ServerErrorException(int status, String serverMessage, long retryAfterMillis) {
        super(status, serverMessage);
        this.retryAfterMillis = retryAfterMillis;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
