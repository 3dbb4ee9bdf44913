package org.fleetdesk.api;

/** Told after each page arrives during a parallel fetch; may be called from worker threads, in order of pagesDone. */
@FunctionalInterface
public interface PageProgress {
    PageProgress NONE = (pagesDone, totalPages) -> { };

    void pagesDone(int pagesDone, int totalPages);
}
