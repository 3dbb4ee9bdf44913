package org.fleetdesk.api;

import java.util.List;

/** One page of a list answer: its items and the server's pagination details. */
public record Page<T>(List<T> items, PageMeta meta) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean isLast() {
        return meta.page() >= meta.totalPages();
    }
}
