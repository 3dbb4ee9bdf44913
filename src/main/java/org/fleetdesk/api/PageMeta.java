package org.fleetdesk.api;

/** The {@code meta} object of every list answer. */
public record PageMeta(int page, int perPage, int totalCount, int totalPages) {
}
