package org.fleetdesk.cli;

import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.RequestLimiter;
import picocli.CommandLine.Option;

/**
 * How hard a bulk command drives the API. Its defaults are well above a single command's (4 in flight, 10 per
 * second) because a batch of hundreds of devices is the point; a server that answers 429 with Retry-After still pauses
 * every worker at once.
 */
final class BulkOptions {
    static final int MAX_CONCURRENCY = 64;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16",
            description = "Requests in flight at once, 1 to " + MAX_CONCURRENCY + " (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "200",
            description = "At most N requests per second (default ${DEFAULT-VALUE}).")
    int rate;

    RequestLimiter limiter() {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new InvalidInputException("--concurrency " + concurrency + " is out of range: give 1 to "
                    + MAX_CONCURRENCY + ".");
        }
        if (rate < 1) {
            throw new InvalidInputException("--rate " + rate + " is out of range: give at least 1 request per second.");
        }
        return RequestLimiter.create(rate, concurrency);
    }
}
