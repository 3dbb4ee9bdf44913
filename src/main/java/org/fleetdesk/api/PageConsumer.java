package org.fleetdesk.api;

import java.util.List;

/** Takes the items of one page of a parallel fetch; called from worker threads, possibly at the same time. */
@FunctionalInterface
public interface PageConsumer<T> {
    void accept(int page, int totalPages, List<T> items);
}
