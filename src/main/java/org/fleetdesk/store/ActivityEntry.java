package org.fleetdesk.store;

import java.time.Instant;

/**
 * One line of the activity journal: what Fleetdesk changed, from which face (GUI or CLI), and how it ended.
 * {@code message} is the server's own words on failure. Never holds a token or a secret.
 */
public record ActivityEntry(long seq, Instant timestamp, String source, String action, String subject, String outcome,
                            String message) {
    public static final String OK = "ok";

    public boolean succeeded() {
        return OK.equals(outcome);
    }
}
