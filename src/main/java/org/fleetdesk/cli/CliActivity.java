package org.fleetdesk.cli;

import java.util.function.Supplier;
import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.ChangeObserver;
import org.fleetdesk.store.ApiActivityRecorder;
import org.fleetdesk.store.FleetStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journals a command's changes in its connection's journal file, like the desktop app does. The store is opened
 * only when the first change happens, so read-only commands never touch it; a journal that cannot be written never
 * fails the command (it is logged).
 */
final class CliActivity implements ChangeObserver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CliActivity.class);

    private final Supplier<FleetStore> opener;
    private FleetStore store;
    private ApiActivityRecorder recorder;
    private boolean unavailable;

    CliActivity(Supplier<FleetStore> opener) {
        this.opener = opener;
    }

    @Override
    public synchronized void changed(String method, String path, byte[] requestBody, int status, byte[] responseBody,
                                     ApiException failure) {
        if (recorder == null && !unavailable) {
            try {
                store = opener.get();
                recorder = new ApiActivityRecorder(store, ApiActivityRecorder.CLI);
            } catch (RuntimeException e) {
                unavailable = true;
                LOG.warn("The activity journal is not available: {}", e.getMessage());
            }
        }
        if (recorder != null) {
            recorder.changed(method, path, requestBody, status, responseBody, failure);
        }
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
        }
    }
}
