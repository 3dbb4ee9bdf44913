package org.fleetdesk.ui.common;

import java.util.function.Consumer;

/**
 * The one way the UI runs background work: the task runs off the FX thread, its result and failure are delivered
 * on the FX thread. {@link FxTaskExecutor} is the application's; {@link SameThreadTaskExecutor} runs everything
 * inline for view-model tests.
 */
public interface TaskExecutor {
    <T> RunningTask submit(String title, BackgroundTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs an action on the UI thread (later, when called from a background thread). */
    void runOnUiThread(Runnable action);

    /** The work currently running, for the status bar. */
    RunningTasks running();

    void shutdown();
}
