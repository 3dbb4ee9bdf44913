package org.fleetdesk.cli;

import java.io.PrintWriter;
import java.util.List;
import org.fleetdesk.api.ConnectClient;
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
