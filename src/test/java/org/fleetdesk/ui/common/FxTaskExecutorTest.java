package org.fleetdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class FxTaskExecutorTest {
    private final FxTaskExecutor executor = new FxTaskExecutor(2);

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    void runsTheTaskOffTheUiThreadAndDeliversTheResultOnIt() throws Exception {
        CompletableFuture<Boolean> taskOnFxThread = new CompletableFuture<>();
        CompletableFuture<Boolean> resultOnFxThread = new CompletableFuture<>();
        executor.submit("work", progress -> {
            taskOnFxThread.complete(Platform.isFxApplicationThread());
            return 42;
        }, result -> resultOnFxThread.complete(Platform.isFxApplicationThread() && result == 42), Throwable::printStackTrace);
        assertFalse(taskOnFxThread.get(5, TimeUnit.SECONDS));
        assertTrue(resultOnFxThread.get(5, TimeUnit.SECONDS));
    }

    @Test
    void failuresReachTheFailureCallbackAndTheTaskLeavesTheRunningList() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        executor.submit("failing", progress -> {
            throw new IllegalStateException("boom");
        }, result -> { }, failure::complete);
        assertEquals("boom", failure.get(5, TimeUnit.SECONDS).getMessage());
        CountDownLatch checked = new CountDownLatch(1);
        Platform.runLater(() -> {
            assertTrue(executor.running().list().isEmpty());
            checked.countDown();
        });
        assertTrue(checked.await(5, TimeUnit.SECONDS));
    }

    @Test
    void workAskedForAfterShutdownNeverRunsAndLeavesNothingRunning() throws Exception {
        executor.shutdown();
        CompletableFuture<Boolean> ran = new CompletableFuture<>();
        CompletableFuture<RunningTask> handle = new CompletableFuture<>();
        Platform.runLater(() -> handle.complete(executor.submit("late", progress -> ran.complete(true),
                result -> ran.complete(true), failure -> ran.complete(true))));

        RunningTask late = handle.get(5, TimeUnit.SECONDS);
        assertTrue(late.isCancelled());
        CountDownLatch checked = new CountDownLatch(1);
        Platform.runLater(() -> {
            assertTrue(executor.running().list().isEmpty());
            assertTrue(late.doneProperty().get());
            checked.countDown();
        });
        assertTrue(checked.await(5, TimeUnit.SECONDS));
        assertFalse(ran.isDone());
    }

    @Test
    void cancellingIsVisibleToTheTask() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> outcome = new CompletableFuture<>();
        RunningTask handle = executor.submit("long", progress -> {
            started.countDown();
            while (!progress.isCancelled()) {
                Thread.sleep(5);
            }
            return "stopped";
        }, outcome::complete, outcome::completeExceptionally);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        handle.cancel();
        assertEquals("stopped", outcome.get(5, TimeUnit.SECONDS));
    }

    @Test
    void sameThreadExecutorRunsInline() {
        SameThreadTaskExecutor inline = new SameThreadTaskExecutor();
        StringBuilder log = new StringBuilder();
        inline.submit("x", progress -> {
            progress.update(1, 2, "half");
            return "done";
        }, log::append, e -> log.append("failed"));
        assertEquals("done", log.toString());
    }
}
