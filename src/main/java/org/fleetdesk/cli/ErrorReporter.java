package org.fleetdesk.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.ForbiddenException;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.NetworkException;
import org.fleetdesk.api.NotFoundException;
import org.fleetdesk.api.RateLimitedException;
import org.fleetdesk.api.ServerErrorException;
import org.fleetdesk.api.UnauthorizedException;
import org.fleetdesk.store.StoreException;
import picocli.CommandLine;

/**
 * The one place where a failure becomes an exit code and a message on stderr: the server's own words, then what to
 * do next.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        report(e, commandLine.getErr());
        return exitCode(e);
    }

    static int exitCode(Throwable e) {
        if (e instanceof InvalidInputException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof UnauthorizedException) {
            return ExitCodes.TOKEN_REFUSED;
        }
        if (e instanceof NotFoundException) {
            return ExitCodes.NOT_FOUND;
        }
        if (e instanceof NetworkException || e instanceof ServerErrorException || e instanceof RateLimitedException) {
            return ExitCodes.NETWORK;
        }
        return e instanceof ApiException ? ExitCodes.REFUSED : ExitCodes.UNEXPECTED;
    }

    static void report(Throwable e, PrintWriter err) {
        err.println("Error: " + headline(e));
        String next = nextStep(e);
        if (next != null) {
            err.println(next);
        }
        err.flush();
    }

    private static String headline(Throwable e) {
        if (e instanceof InvalidInputException || e instanceof NetworkException || e instanceof StoreException) {
            return e.getMessage();
        }
        if (e instanceof CancellationException) {
            return "cancelled.";
        }
        if (!(e instanceof ApiException api)) {
            return "unexpected failure: " + e;
        }
        if (api.serverMessage() != null) {
            return api.serverMessage() + " (HTTP " + api.status() + ")";
        }
        return api.getClass() == ApiException.class ? api.getMessage()
                : "the API answered HTTP " + api.status() + " without a message.";
    }

    private static String nextStep(Throwable e) {
        if (e instanceof InvalidInputException || e instanceof NetworkException || e instanceof CancellationException
                || e instanceof StoreException) {
            return null;
        }
        if (e instanceof UnauthorizedException) {
            return "The token was refused: check FLEETDESK_TOKEN (or the profile's token). If it was revoked or belongs"
                    + " to another organisation, create a new management API access token in the Connect dashboard.";
        }
        if (e instanceof NotFoundException) {
            return "Check the ID: the list commands (e.g. fleetdesk devices list) show what exists in the organisation.";
        }
        if (e instanceof ForbiddenException forbidden) {
            return String.valueOf(forbidden.serverMessage()).toLowerCase(Locale.ROOT).contains("billing")
                    ? "Set up billing in the Connect dashboard (Set up billing, in the trial banner), then try again."
                    : "The organisation does not allow this: check its settings in the Connect dashboard.";
        }
        if (e instanceof RateLimitedException) {
            return "The API is still asking to slow down after retries: wait a minute and try again.";
        }
        if (e instanceof ServerErrorException) {
            return "The service is failing even after retries: try again later.";
        }
        if (e instanceof ApiException) {
            return "The API refused the request: correct it as the message says and try again.";
        }
        return "This is a bug in Fleetdesk: please report it with the command you ran (without the token).";
    }
}
