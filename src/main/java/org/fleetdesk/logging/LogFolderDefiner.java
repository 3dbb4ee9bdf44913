package org.fleetdesk.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import org.fleetdesk.AppPaths;

/** Gives logback.xml the logs folder, so that FLEETDESK_HOME moves the logs with the rest of the local state. */
public final class LogFolderDefiner extends PropertyDefinerBase {
    @Override
    public String getPropertyValue() {
        return AppPaths.logs().toAbsolutePath().toString();
    }
}
