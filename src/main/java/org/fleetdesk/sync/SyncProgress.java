package org.fleetdesk.sync;

/** What a sync reports as it goes: the resource being fetched and pages done out of the total known so far. */
@FunctionalInterface
public interface SyncProgress {
    SyncProgress NONE = (resource, pagesDone, totalPages) -> { };

    void update(String resource, int pagesDone, int totalPages);
}
