package org.fleetdesk.ui.common;

/**
 * Work that runs off the FX thread. It reports progress through the given {@link Progress} and should check
 * {@link Progress#isCancelled()} between steps.
 */
@FunctionalInterface
public interface BackgroundTask<T> {
    T run(Progress progress) throws Exception;

    /** Progress of one piece of background work, as the status bar shows it. */
    interface Progress {
        void update(long done, long total, String message);

        boolean isCancelled();

        default void message(String message) {
            update(-1, -1, message);
        }
    }
}
