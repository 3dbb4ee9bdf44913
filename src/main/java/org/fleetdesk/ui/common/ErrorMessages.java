package org.fleetdesk.ui.common;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.CertificateRefusedException;
import org.fleetdesk.api.ForbiddenException;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.NetworkException;
import org.fleetdesk.api.NotFoundException;
import org.fleetdesk.api.RateLimitedException;
import org.fleetdesk.api.ServerErrorException;
import org.fleetdesk.api.UnauthorizedException;

/** A failure in words for the window: the server's own message first, then what to do next. */
public final class ErrorMessages {
    public static final String TOKEN_ADVICE = "Check or replace the token: in the Connect dashboard, open your"
            + " organisation's Settings, and under \"API access tokens\" create a new management API access token"
            + " (select New), then paste it here.";

    private ErrorMessages() {
    }

    public static String describe(Throwable failure) {
        String next = nextStep(failure);
        return next == null ? headline(failure) : headline(failure) + "\n" + next;
    }

    public static String headline(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof CancellationException) {
            return "Cancelled.";
        }
        if (e instanceof InvalidInputException || e instanceof NetworkException) {
            return e.getMessage();
        }
        if (e instanceof ApiException api) {
            if (api.serverMessage() != null) {
                return api.serverMessage();
            }
            // A plain ApiException is Fleetdesk's own account of an unusable answer (not JSON, a redirect).
            return api.getClass() == ApiException.class ? api.getMessage()
                    : "The API answered HTTP " + api.status() + " without a message.";
        }
        if (e instanceof FileSystemException file) {
            return fileProblem(file);
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    public static String nextStep(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof UnauthorizedException) {
            return "The management API access token was refused. " + TOKEN_ADVICE;
        }
        if (e instanceof ForbiddenException forbidden) {
            return String.valueOf(forbidden.serverMessage()).toLowerCase(Locale.ROOT).contains("billing")
                    ? "Set up billing in the Connect dashboard (the trial banner's \"Set up billing\"), then try again."
                    : "The organisation does not allow this: check its settings in the Connect dashboard.";
        }
        if (e instanceof NotFoundException) {
            return "It no longer exists in the organisation: refresh (Ctrl+R) to update the cache.";
        }
        if (e instanceof CertificateRefusedException) {
            return null;
        }
        if (e instanceof NetworkException) {
            return "Fleetdesk keeps working from the cache and reconnects by itself when the API answers again.";
        }
        if (e instanceof RateLimitedException || e instanceof ServerErrorException) {
            return "The service is busy or failing even after retries: try again in a minute.";
        }
        if (e instanceof ApiException api && (api.getClass() != ApiException.class || api.serverMessage() != null)) {
            return "Correct the input as the message says and try again.";
        }
        if (e instanceof FileSystemException) {
            return "Choose another file or folder.";
        }
        return null;
    }

    private static String fileProblem(FileSystemException e) {
        String file = e.getFile();
        if (e instanceof NoSuchFileException) {
            return "There is no file or folder " + file + ".";
        }
        if (e instanceof AccessDeniedException) {
            return "Fleetdesk may not use " + file + ": check its permissions.";
        }
        if (e instanceof FileAlreadyExistsException) {
            return file + " already exists.";
        }
        if (e instanceof NotDirectoryException) {
            return file + " is not a folder.";
        }
        return file + (e.getReason() != null ? ": " + e.getReason() : "") + ".";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof java.util.concurrent.ExecutionException || e instanceof java.util.concurrent.CompletionException
                || (e instanceof RuntimeException && e.getClass() == RuntimeException.class)) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
