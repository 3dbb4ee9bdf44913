package org.fleetdesk.provision;

/**
 * What happened to one name of a bulk run. {@code value} is the created resource when it succeeded; {@code message}
 * says why it failed or was not started, or notes how a lost answer was reconciled (null when there is nothing to
 * say).
 */
public record Outcome<T>(String name, Status status, T value, String message) {
    public enum Status { SUCCEEDED, FAILED, NOT_STARTED }

    public static <T> Outcome<T> succeeded(String name, T value, String note) {
        return new Outcome<>(name, Status.SUCCEEDED, value, note);
    }

    public static <T> Outcome<T> failed(String name, String message) {
        return new Outcome<>(name, Status.FAILED, null, message);
    }

    public static <T> Outcome<T> notStarted(String name, String reason) {
        return new Outcome<>(name, Status.NOT_STARTED, null, reason);
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }
}
