package org.fleetdesk.cli;

/** The CLI's exit codes, as DESIGN.md lists them. */
final class ExitCodes {
    static final int OK = 0;
    static final int UNEXPECTED = 1;
    static final int USAGE = 2;
    static final int TOKEN_REFUSED = 3;
    static final int NOT_FOUND = 4;
    static final int REFUSED = 5;
    static final int NETWORK = 6;
    static final int ROLLOUT_STOPPED = 7;

    private ExitCodes() {
    }
}
