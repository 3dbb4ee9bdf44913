package org.fleetdesk.ui.common;

/** How the open organisation's API is answering, as the status bar and the offline banner show it. */
public enum ConnectionState {
    CONNECTING("Connecting…"),
    ONLINE("Online"),
    OFFLINE("Offline — working from the cache"),
    TOKEN_REFUSED("Token refused");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
