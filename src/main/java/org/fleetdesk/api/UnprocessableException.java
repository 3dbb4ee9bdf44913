package org.fleetdesk.api;

/** HTTP 422: the request could not be processed. */
public class UnprocessableException extends ApiException {
    public UnprocessableException(String serverMessage) {
        super(422, serverMessage);
    }
}
