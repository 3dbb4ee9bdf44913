package org.fleetdesk.api;

/** HTTP 404: not found in the organisation. */
public class NotFoundException extends ApiException {
    public NotFoundException(String serverMessage) {
        super(404, serverMessage);
    }
}
