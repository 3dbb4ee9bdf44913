package org.fleetdesk.cli;

import java.io.PrintWriter;
import org.fleetdesk.sync.SyncFailure;
import org.fleetdesk.sync.SyncProgress;

/** A sync's progress as one line on stderr, rewritten in place at most ten times a second, then what failed, if anything. */
final class ProgressLine implements SyncProgress {
    private static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private long lastPrinted = System.nanoTime() - MIN_INTERVAL_NANOS;
    private int width;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(String resource, int pagesDone, int totalPages) {
        long now = System.nanoTime();
        if (pagesDone < totalPages && now - lastPrinted < MIN_INTERVAL_NANOS) {
            return;
        }
        lastPrinted = now;
        String text = "Syncing " + resource + ": page " + pagesDone + " of " + totalPages;
        err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
        err.flush();
        width = text.length();
    }

    @Override
    public synchronized void failed(SyncFailure failure) {
        finish();
        err.println(failure.describe());
        err.flush();
    }

    /** Ends the progress line, if one was printed. */
    synchronized void finish() {
        if (width > 0) {
            err.println();
            err.flush();
            width = 0;
        }
    }
}
