package org.fleetdesk.api;

/** Input refused before anything was sent: the message says what is wrong and how to fix it. */
public class InvalidInputException extends IllegalArgumentException {
    public InvalidInputException(String message) {
        super(message);
    }
}
