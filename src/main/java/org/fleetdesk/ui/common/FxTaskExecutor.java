package org.fleetdesk.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs tasks on a small pool of daemon threads and hands results back to the JavaFX application thread. */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);
    private static final long PROGRESS_INTERVAL_NANOS = 50_000_000L;

    private final ExecutorService pool;
    private final RunningTasks running = new RunningTasks();

    public FxTaskExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread thread = new Thread(r, "fleetdesk-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        pool = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public <T> RunningTask submit(String title, BackgroundTask<T> task, Consumer<T> onSuccess,
                                  Consumer<Throwable> onFailure) {
        RunningTask handle = new RunningTask(title);
        runOnUiThread(() -> running.add(handle));
        AtomicLong lastUpdate = new AtomicLong();
        BackgroundTask.Progress progress = new BackgroundTask.Progress() {
            @Override
            public void update(long done, long total, String message) {
                long now = System.nanoTime();
                long last = lastUpdate.get();
                boolean finalStep = total > 0 && done >= total;
                if (!finalStep && now - last < PROGRESS_INTERVAL_NANOS) {
                    return;
                }
                lastUpdate.set(now);
                double fraction = total > 0 ? Math.min(1.0, (double) done / total) : -1;
                Platform.runLater(() -> handle.setProgress(fraction, message));
            }

            @Override
            public boolean isCancelled() {
                return handle.isCancelled();
            }
        };
        try {
            pool.execute(() -> {
                try {
                    T result = task.run(progress);
                    Platform.runLater(() -> finish(handle, () -> onSuccess.accept(result)));
                } catch (Throwable failure) {
                    LOG.debug("Background task '{}' failed: {}", title, failure.toString());
                    Platform.runLater(() -> finish(handle, () -> onFailure.accept(failure)));
                }
            });
        } catch (RejectedExecutionException closing) {
            // Asked for after shutdown, typically by the callback of a task that ended as the window closed: no one
            // is left to see it, so it never runs.
            LOG.debug("Background task '{}' not started: the app is closing", title);
            handle.cancel();
            runOnUiThread(() -> finish(handle, () -> { }));
        }
        return handle;
    }

    private void finish(RunningTask handle, Runnable callback) {
        running.remove(handle);
        handle.markDone();
        callback.run();
    }

    @Override
    public void runOnUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public RunningTasks running() {
        return running;
    }

    @Override
    public void shutdown() {
        running.cancelAll();
        pool.shutdownNow();
    }
}
