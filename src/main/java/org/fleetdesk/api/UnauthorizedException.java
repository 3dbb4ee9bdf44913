package org.fleetdesk.api;

/** HTTP 401: the management api access token is invalid. */
public class UnauthorizedException extends ApiException {
    public UnauthorizedException(String serverMessage) {
        super(401, serverMessage);
    }
}
