package org.fleetdesk.ui;

import javafx.application.Application;

/** Starts the desktop application (called by name from {@link org.fleetdesk.Main}). */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(FleetdeskApp.class, args);
    }
}
