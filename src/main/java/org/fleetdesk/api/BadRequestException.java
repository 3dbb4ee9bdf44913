package org.fleetdesk.api;

/** HTTP 400: the request was malformed. */
public class BadRequestException extends ApiException {
    public BadRequestException(String serverMessage) {
        super(400, serverMessage);
    }
}
