package org.fleetdesk.api;

/** HTTP 403: the organisation refused the request. */
public class ForbiddenException extends ApiException {
    public ForbiddenException(String serverMessage) {
        super(403, serverMessage);
    }
}
