package org.fleetdesk.sim;

/** A refusal the simulator answers with {@code {"message": …}} and the given status, as the real service does. */
final class SimError extends RuntimeException {
    final int status;

    SimError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static SimError badRequest(String message) {
        return new SimError(400, message);
    }

    static SimError notFound(String what) {
        return new SimError(404, what + " not found");
    }

    static SimError unprocessable(String message) {
        return new SimError(422, message);
    }
}
