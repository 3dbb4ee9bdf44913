package org.fleetdesk.sim;

import java.util.List;
import org.fleetdesk.api.PageMeta;

/**
 * {@code page} and {@code per_page} of every list. Like the usual Rails paginators, values that are not positive
 * whole numbers fall back to the defaults (page 1, 100 per page) and {@code per_page} above 100 is capped at 100.
 */
record Pagination(int page, int perPage) {
    static final int MAX_PER_PAGE = 100;

    static Pagination of(SimRequest request) {
        return new Pagination(positive(request.queryParam("page"), 1),
                Math.min(MAX_PER_PAGE, positive(request.queryParam("per_page"), MAX_PER_PAGE)));
    }

    int offset() {
        long offset = (long) (page - 1) * perPage;
        return offset > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) offset;
    }

    PageMeta meta(int totalCount) {
        return new PageMeta(page, perPage, totalCount, (totalCount + perPage - 1) / perPage);
    }

    <T> List<T> slice(List<T> all) {
        int from = Math.min(offset(), all.size());
        return all.subList(from, Math.min(all.size(), from + perPage));
    }

    private static int positive(String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            return value >= 1 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
