package org.fleetdesk.provision;

import java.util.concurrent.CancellationException;
import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.ForbiddenException;
import org.fleetdesk.api.NetworkException;
import org.fleetdesk.api.RateLimitedException;
import org.fleetdesk.api.ServerErrorException;
import org.fleetdesk.api.UnauthorizedException;

/** Turns the failure of one name into the sentence its outcome shows, and tells which failures end a whole run. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable e) {
        if (e instanceof ApiException api && !(e instanceof NetworkException) && api.serverMessage() != null) {
            return api.serverMessage() + " (HTTP " + api.status() + ")" + advice(api);
        }
        if (e instanceof CancellationException) {
            return "Cancelled.";
        }
        if (e instanceof IllegalArgumentException || e instanceof ApiException || e instanceof java.io.IOException) {
            return e.getMessage();
        }
        return "Unexpected failure: " + e;
    }

    /**
     * A refused token or a forbidden action fails every other name the same way: the run stops instead of sending
     * hundreds of requests that cannot succeed.
     */
    static boolean endsRun(Throwable e) {
        return e instanceof UnauthorizedException || e instanceof ForbiddenException;
    }

    private static String advice(ApiException api) {
        if (api instanceof UnauthorizedException) {
            return ": the management token was refused; check it or create a new one in the Connect dashboard.";
        }
        if (api instanceof RateLimitedException || api instanceof ServerErrorException) {
            return ": the service kept failing; run the batch again later for the names that failed.";
        }
        return "";
    }
}
