package org.fleetdesk.ui.common;

import java.util.function.Consumer;

/** Runs every task immediately on the calling thread: view-model tests need no FX thread and no waiting. */
public final class SameThreadTaskExecutor implements TaskExecutor {
    private final RunningTasks running = new RunningTasks();

    @Override
    public <T> RunningTask submit(String title, BackgroundTask<T> task, Consumer<T> onSuccess,
                                  Consumer<Throwable> onFailure) {
        RunningTask handle = new RunningTask(title);
        BackgroundTask.Progress progress = new BackgroundTask.Progress() {
            @Override
            public void update(long done, long total, String message) {
                handle.setProgress(total > 0 ? (double) done / total : -1, message);
            }

            @Override
            public boolean isCancelled() {
                return handle.isCancelled();
            }
        };
        T result;
        try {
            result = task.run(progress);
        } catch (Throwable failure) {
            handle.markDone();
            onFailure.accept(failure);
            return handle;
        }
        handle.markDone();
        onSuccess.accept(result);
        return handle;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    @Override
    public RunningTasks running() {
        return running;
    }

    @Override
    public void shutdown() {
    }
}
