package org.fleetdesk.ui.rollouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.DeploymentState;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.ui.common.FxTaskExecutor;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard clicked through end to end on a simulated organisation, then the monitor against the simulator. */
class RolloutsScreenFxTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final FxTaskExecutor executor = new FxTaskExecutor(4);
    private Session session;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        executor.shutdown();
        if (session != null) {
            session.close();
        }
    }

    @Test
    void theWizardStartsARolloutAndTheMonitorsCountsMatchTheSimulators() throws Exception {
        session = SimSession.open(SimConfig.builder().devices(60).seed(12).speed(50).offlinePct(0).build(), dir,
                executor);
        Artefact artefact = SimSession.artefact(session, "kiosk-v2", "https://example.com/images/kiosk-v2.img");
        SimSession.artefact(session, "kiosk-v1", "https://example.com/images/kiosk-v1.img");
        RolloutsScreen screen = showScreen();

        robot.clickOn("#new-rollout");
        waitFor(() -> robot.lookup("kiosk-v2    https://example.com/images/kiosk-v2.img").tryQuery().isPresent());
        robot.clickOn("kiosk-v2    https://example.com/images/kiosk-v2.img");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-query").write("tag:production");
        int production = (int) session.store().index().devices().stream()
                .filter(d -> d.tags().contains("production")).count();
        waitFor(() -> label("#wizard-target-count").startsWith(production + " devices"));
        Screenshots.take(wizardScene(), "wizard-targets");
        robot.clickOn("#wizard-next");
        robot.doubleClickOn("#plan-canary .text-field").write("3\t");
        robot.clickOn("#plan-by-size");
        robot.doubleClickOn("#plan-wave-size .text-field").write("40\t");
        Screenshots.take(wizardScene(), "wizard-plan");
        waitFor(() -> label("#plan-summary").startsWith("3 canary devices, then 40% waves; stop if more than 10% fail."));
        Screenshots.take(wizardScene(), "wizard-plan");
        robot.clickOn("#wizard-next");
        waitFor(() -> label("#review-summary").startsWith("Deploy kiosk-v2 to " + production + " devices"));
        Screenshots.take(wizardScene(), "wizard-review");
        robot.clickOn("#wizard-start");

        waitFor(() -> "completed".equals(label("#rollout-state")));
        WaitForAsyncUtils.waitForFxEvents();
        long succeeded = deployments(artefact, DeploymentState.SUCCEEDED);
        long failed = deployments(artefact, DeploymentState.FAILED);
        assertEquals(production, succeeded + failed);
        waitFor(() -> label("#count-succeeded").equals(Long.toString(succeeded)));
        assertEquals(Long.toString(failed), label("#count-failed"));
        assertEquals(production, screen.monitor().shownTargets().size());
        Screenshots.take(screen.view().getScene(), "monitor-completed");
        assertTrue(screen.model().list().size() == 1);
    }

    private RolloutsScreen showScreen() throws Exception {
        RolloutsScreen[] screen = new RolloutsScreen[1];
        FxToolkit.setupStage(stage -> {
            SimSession.online(session);
            screen[0] = new RolloutsScreen(session);
            Scene scene = new Scene((javafx.scene.Parent) screen[0].view(), 1240, 780);
            scene.getStylesheets().add(Theme.appStylesheet());
            stage.setScene(scene);
            stage.show();
            screen[0].onShown();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return screen[0];
    }

    private Scene wizardScene() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && "New rollout".equals(s.getTitle()))
                .findFirst().orElseThrow().getScene();
    }

    /** Looked up on the FX thread: the monitor changes the scene graph while the rollout runs. */
    private String label(String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().map(n -> ((Label) n).getText())
                .orElse("")).get(10, TimeUnit.SECONDS);
    }

    private long deployments(Artefact artefact, DeploymentState state) {
        return session.store().index().devices().stream()
                .flatMap(d -> session.client().listAllDeployments(d.id(), state).stream())
                .map(Deployment::artefactId).filter(artefact.id()::equals).count();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
