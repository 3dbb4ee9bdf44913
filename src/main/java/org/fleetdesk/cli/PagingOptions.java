package org.fleetdesk.cli;

import java.io.PrintWriter;
import java.util.List;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.Page;
import org.fleetdesk.api.PageProgress;
import picocli.CommandLine.Option;

/** {@code --page} / {@code --per-page}: one page when {@code --page} is given, otherwise every page. */
final class PagingOptions {
    private static final int PARALLEL_PAGES = 4;

    @FunctionalInterface
    interface PageSource<T> {
        Page<T> load(int page, int perPage);
    }

    @Option(names = "--page", paramLabel = "N", description = "Only this page (from 1). Default: all pages.")
    Integer page;

    @Option(names = "--per-page", paramLabel = "N", defaultValue = "100", description = "Items per page, 1 to 100 (default 100).")
    int perPage;

    /** Checks the options as the API would, for answers computed locally. */
    void requireValid() {
        if (page != null && page < 1) {
            throw new InvalidInputException("Page " + page + " does not exist: pages are numbered from 1.");
        }
        if (perPage < 1 || perPage > ConnectClient.MAX_PER_PAGE) {
            throw new InvalidInputException("per_page " + perPage + " is out of range: ask for between 1 and "
                    + ConnectClient.MAX_PER_PAGE + " items per page.");
        }
    }

    /** The items of the requested page (its position noted on {@code err}), or of every page. */
    <T> List<T> fetch(ConnectClient client, PageSource<T> source, PrintWriter err) {
        if (page != null) {
            Page<T> one = source.load(page, perPage);
            err.println("Page " + one.meta().page() + " of " + one.meta().totalPages() + " (" + one.meta().totalCount()
                    + " in total).");
            return one.items();
        }
        return client.fetchAllPages(p -> source.load(p, perPage), PARALLEL_PAGES, PageProgress.NONE, () -> false);
    }
}
