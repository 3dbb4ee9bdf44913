package org.fleetdesk.sync;

import java.util.concurrent.CancellationException;

/**
 * Where a sync stopped: fetching a resource (after {@code pagesDone} of {@code totalPages} pages; 0 of 0 when its
 * first page failed) or writing the cache ({@link #WRITING}). The cache is unchanged in both cases.
 */
public record SyncFailure(String stage, int pagesDone, int totalPages, Throwable cause) {
    public static final String WRITING = "writing the cache";

    /** For example "The sync stopped while fetching devices (page 120 of 500): the cache was not changed." */
    public String describe() {
        String verb = cause instanceof CancellationException ? "was cancelled" : "stopped";
        String where = stage.equals(WRITING) ? WRITING : "fetching " + stage
                + (totalPages == 0 ? " (first page)" : " (" + pagesDone + " of " + totalPages + " pages fetched)");
        return "The sync " + verb + " while " + where + ": the cache was not changed.";
    }
}
