package org.fleetdesk.sync;

/**
 * What a sync reports as it goes: the resource being fetched and pages done out of the total known so far, and, if
 * it fails, what failed. Called from worker threads, one call at a time.
 */
@FunctionalInterface
public interface SyncProgress {
    SyncProgress NONE = (resource, pagesDone, totalPages) -> { };

    void update(String resource, int pagesDone, int totalPages);

    /** The sync stopped without changing the cache; the exception it throws is {@code failure.cause()}. */
    default void failed(SyncFailure failure) {
    }
}
