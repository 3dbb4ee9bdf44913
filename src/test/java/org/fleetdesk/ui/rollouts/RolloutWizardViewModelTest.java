package org.fleetdesk.ui.rollouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.Device;
import org.fleetdesk.rollout.RolloutProgress;
import org.fleetdesk.rollout.RolloutRun;
import org.fleetdesk.rollout.RolloutState;
import org.fleetdesk.rollout.TargetStatus;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.ui.common.SameThreadTaskExecutor;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.rollouts.RolloutWizardViewModel.Step;
import org.fleetdesk.ui.rollouts.PlanForm.WaveMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutWizardViewModelTest {
    @TempDir
    Path dir;

    private Session session;
    private RolloutsViewModel screen;

    @BeforeEach
    void open() throws Exception {
        session = SimSession.open(SimConfig.builder().devices(40).seed(4).speed(50).offlinePct(0).build(), dir,
                new SameThreadTaskExecutor());
        SimSession.online(session);
        screen = new RolloutsViewModel(session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void theWizardWalksFromArtefactToAStartedRolloutOfTheQuerysDevices() throws Exception {
        Artefact artefact = SimSession.artefact(session, "kiosk-v2", "https://example.com/kiosk-v2.img");
        RolloutWizardViewModel wizard = new RolloutWizardViewModel(session, screen.rollouts(), List.of());
        wizard.loadArtefacts();
        assertFalse(wizard.canNextProperty().get(), "no artefact chosen yet");
        wizard.artefactProperty().set(wizard.artefacts().get(0));
        wizard.next();

        assertEquals(Step.TARGETS, wizard.stepProperty().get());
        assertEquals(40, wizard.targets().countProperty().get(), "an empty query is the whole organisation");
        wizard.targets().queryProperty().set("tag:production");
        int production = (int) session.store().index().devices().stream()
                .filter(d -> d.tags().contains("production")).count();
        assertEquals(production, wizard.targets().countProperty().get());
        assertEquals(production, wizard.targets().preview().size());
        wizard.next();

        wizard.plan().canaryProperty().set(2);
        wizard.plan().waveModeProperty().set(WaveMode.BY_SIZE);
        wizard.plan().waveSizeProperty().set(50);
        wizard.plan().maxFailurePctProperty().set(40);
        assertEquals("2 canary devices, then 50% waves; stop if more than 40% fail.", wizard.plan().summaryProperty().get()
                .lines().findFirst().orElseThrow());
        wizard.plan().waveModeProperty().set(WaveMode.BY_PERCENTAGES);
        wizard.plan().wavePercentagesProperty().set("10,50");
        assertNull(wizard.plan().planProperty().get());
        assertTrue(wizard.plan().errorProperty().get().startsWith("The last wave percentage is 50"));
        assertFalse(wizard.canNextProperty().get());
        wizard.plan().wavePercentagesProperty().set("10, 50, 100");
        wizard.next();

        assertEquals(Step.REVIEW, wizard.stepProperty().get());
        assertTrue(wizard.review().noteProperty().get().startsWith("None of the " + production + " devices"),
                wizard.review().noteProperty().get());
        assertTrue(wizard.review().billingProperty().get().startsWith("Billing is checked by the API"));
        CompletableFuture<RolloutRun> started = new CompletableFuture<>();
        wizard.start(started::complete);
        RolloutProgress last = started.get(10, TimeUnit.SECONDS).completion().get(60, TimeUnit.SECONDS);

        assertEquals(RolloutState.COMPLETED, last.state(), String.valueOf(last.reason()));
        assertEquals(production, last.counts().total());
        assertEquals(artefact.id(), screen.rollouts().journal().rollouts().get(0).artefactId());
        assertEquals("tag:production", screen.rollouts().journal().rollouts().get(0).query());
    }

    @Test
    void aSelectionIsTheTargetSetAndPendingDeploymentsAreListedForReview() throws Exception {
        session.close();
        session = SimSession.open(SimConfig.builder().devices(40).seed(4).speed(0.001).offlinePct(0).build(), dir
                .resolve("slow"), new SameThreadTaskExecutor());
        SimSession.online(session);
        screen = new RolloutsViewModel(session);
        Artefact old = SimSession.artefact(session, "kiosk-v1", "https://example.com/kiosk-v1.img");
        Artefact next = SimSession.artefact(session, "kiosk-v2", "https://example.com/kiosk-v2.img");
        List<Device> selection = session.store().index().devices().subList(0, 3);
        session.client().createDeployment(selection.get(1).id(), old.id());

        RolloutWizardViewModel wizard = new RolloutWizardViewModel(session, screen.rollouts(), selection);
        wizard.loadArtefacts();
        wizard.artefactProperty().set(next);
        wizard.next();
        assertTrue(wizard.targets().useSelectionProperty().get());
        assertEquals(3, wizard.targets().countProperty().get());
        wizard.next();
        wizard.next();

        assertEquals(1, wizard.review().superseded().size());
        assertEquals(selection.get(1).id(), wizard.review().superseded().get(0).target().deviceId());
        assertEquals(old.id(), wizard.review().superseded().get(0).pending().artefactId());
        CompletableFuture<RolloutRun> started = new CompletableFuture<>();
        wizard.start(started::complete);
        RolloutRun run = started.get(10, TimeUnit.SECONDS);
        run.abort();
        RolloutProgress last = run.completion().get(60, TimeUnit.SECONDS);
        assertEquals(3, last.counts().get(TargetStatus.CANCELLED) + last.counts().get(TargetStatus.SKIPPED));
    }
}
