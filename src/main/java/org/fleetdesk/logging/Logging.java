package org.fleetdesk.logging;

import java.nio.file.Path;
import org.fleetdesk.AppPaths;

/** Where the application's log files are, for "Open logs folder". */
public final class Logging {
    public static final String FILE_NAME = "fleetdesk.log";

    private Logging() {
    }

    /** The logs folder (created if missing, so that a file manager can open it). */
    public static Path logsFolder() {
        return AppPaths.ensureDirectory(AppPaths.logs());
    }
}
