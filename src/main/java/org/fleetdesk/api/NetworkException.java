package org.fleetdesk.api;

/**
 * No usable answer: connection refused or reset, timeout, or a body cut off. {@link #requestMayHaveBeenSent()}
 * tells whether the server may have acted on the request (what reconciliation of a POST needs to know).
 */
public class NetworkException extends ApiException {
    private final boolean requestMayHaveBeenSent;

    public NetworkException(String message, boolean requestMayHaveBeenSent, Throwable cause) {
        super(0, null, message, cause);
        this.requestMayHaveBeenSent = requestMayHaveBeenSent;
    }

    public boolean requestMayHaveBeenSent() {
        return requestMayHaveBeenSent;
    }
}
