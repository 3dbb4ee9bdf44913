package org.fleetdesk.ui.rollouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.DeploymentState;
import org.fleetdesk.rollout.RolloutPlan;
import org.fleetdesk.rollout.RolloutProgress;
import org.fleetdesk.rollout.RolloutRun;
import org.fleetdesk.rollout.TargetSet;
import org.fleetdesk.rollout.TargetStatus;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.ui.common.FxTaskExecutor;
import org.fleetdesk.ui.common.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class RolloutMonitorViewModelTest {
    @TempDir
    Path dir;

    private Session session;
    private RolloutsViewModel screen;

    private final FxTaskExecutor executor = new FxTaskExecutor(2);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** The view-model lives on the FX thread, as in the window: the run's progress arrives there. */
    @BeforeEach
    void open() throws Exception {
        session = SimSession.open(SimConfig.builder().devices(30).seed(9).speed(50).offlinePct(0).build(), dir,
                executor);
        WaitForAsyncUtils.asyncFx(() -> SimSession.online(session)).get();
        screen = new RolloutsViewModel(session);
    }

    @AfterEach
    void close() {
        executor.shutdown();
        session.close();
    }

    @Test
    void aStoppedRolloutShowsTheSimulatorsCountsItsReasonAndRetriesItsFailedDevices() throws Exception {
        Artefact bad = SimSession.artefact(session, "kiosk-bad", "https://example.com/kiosk-corrupt.img");
        RolloutRun run = screen.rollouts().start(bad, TargetSet.fromCache(session.store(), ""),
                RolloutPlan.defaults().withCanary(3).withWaveSize(50));
        CompletableFuture<RolloutProgress> ended = new CompletableFuture<>();
        RolloutMonitorViewModel monitor = new RolloutMonitorViewModel(session, screen.rollouts(), run.id(),
                ended::complete);
        WaitForAsyncUtils.asyncFx(monitor::open).get();
        RolloutProgress last = ended.get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> monitor.rolloutProperty().get() != null
                && monitor.rolloutProperty().get().state().isFinal() && monitor.shownTargets().size() == 30);

        assertEquals("stopped", monitor.stateProperty().get());
        assertTrue(monitor.reasonProperty().get().startsWith("Failure threshold exceeded: 3 of 3"));
        assertEquals(countFailed(bad.id()), monitor.countsProperty().get().get(TargetStatus.FAILED),
                "the monitor's failures are the simulator's");
        assertEquals(last.counts(), monitor.countsProperty().get());
        assertEquals(27, monitor.countsProperty().get().get(TargetStatus.SKIPPED));
        assertFalse(monitor.liveProperty().get());
        assertFalse(monitor.samples().isEmpty());
        assertEquals(30, monitor.shownTargets().size());
        WaitForAsyncUtils.asyncFx(() -> monitor.filterProperty().set(TargetStatus.FAILED)).get();
        assertEquals(3, monitor.shownTargets().size());
        assertTrue(monitor.shownTargets().stream().allMatch(t -> "Checksum mismatch".equals(t.reason())));

        CompletableFuture<RolloutRun> retried = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> monitor.retryFailed(retried::complete)).get();
        assertEquals(3, retried.get(10, TimeUnit.SECONDS).progress().counts().total());
        retried.get().completion().get(60, TimeUnit.SECONDS);
    }

    private long countFailed(String artefactId) {
        return session.store().index().devices().stream()
                .flatMap(d -> session.client().listAllDeployments(d.id(), DeploymentState.FAILED).stream())
                .filter(d -> d.artefactId().equals(artefactId)).count();
    }
}
