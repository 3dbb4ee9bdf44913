package org.fleetdesk.cli;

import java.io.PrintWriter;
import org.fleetdesk.provision.BulkProgress;
import org.fleetdesk.provision.Outcome;

/** A one-line progress counter on stderr, rewritten in place at most ten times a second, ended by a newline. */
final class BulkProgressLine<T> implements BulkProgress<T> {
    private static final long INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final String verb;
    private long lastPrinted;
    private int failed;

    BulkProgressLine(PrintWriter err, String verb) {
        this.err = err;
        this.verb = verb;
    }

    @Override
    public void finished(int done, int total, Outcome<T> latest) {
        if (!latest.succeeded()) {
            failed++;
        }
        long now = System.nanoTime();
        if (done < total && now - lastPrinted < INTERVAL_NANOS) {
            return;
        }
        lastPrinted = now;
        err.print("\r" + verb + " " + done + "/" + total + (failed > 0 ? " (" + failed + " failed)" : "")
                + (done == total ? "\n" : ""));
        err.flush();
    }
}
