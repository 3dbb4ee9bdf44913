package org.fleetdesk.api;

/**
 * The API refused a request or could not be reached. {@link #serverMessage()} holds the server's own words
 * (the {@code message} of its JSON error body) when it sent any. Never carries the token.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String serverMessage;

    public ApiException(int status, String serverMessage, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.serverMessage = serverMessage;
    }

    public ApiException(int status, String serverMessage) {
        this(status, serverMessage, "HTTP " + status + (serverMessage == null ? "" : ": " + serverMessage), null);
    }

    /** HTTP status, or 0 when no answer was received. */
    public int status() {
        return status;
    }

    public String serverMessage() {
        return serverMessage;
    }

    /** Creates the typed exception for a status and the server's message. */
    public static ApiException forStatus(int status, String serverMessage, long retryAfterMillis) {
        return switch (status) {
            case 400 -> new BadRequestException(serverMessage);
            case 401 -> new UnauthorizedException(serverMessage);
            case 403 -> new ForbiddenException(serverMessage);
            case 404 -> new NotFoundException(serverMessage);
            case 422 -> new UnprocessableException(serverMessage);
            case 429 -> new RateLimitedException(serverMessage, retryAfterMillis);
            default -> status >= 500 ? new ServerErrorException(status, serverMessage, retryAfterMillis)
                    : new ApiException(status, serverMessage);
        };
    }
}
