package org.fleetdesk.api;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks a list endpoint page by page, following {@code meta.total_pages} of the answers: the server decides the page
 * size, nothing assumes 100. Pages are loaded lazily, one after the other.
 */
public final class Pagination {
    private Pagination() {
    }

    public static <T> Stream<Page<T>> stream(PageLoader<T> loader) {
        Iterator<Page<T>> pages = new Iterator<>() {
            private int loaded;
            private Page<T> last;

            @Override
            public boolean hasNext() {
                return last == null || loaded < last.meta().totalPages();
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                last = loader.load(++loaded);
                return last;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    public static <T> List<T> collect(PageLoader<T> loader) {
        return stream(loader).flatMap(page -> page.items().stream()).collect(Collectors.toList());
    }
}
