package org.fleetdesk.ui.artefacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.ui.common.FxTaskExecutor;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.common.Theme;
import org.fleetdesk.ui.rollouts.Screenshots;
import org.fleetdesk.ui.rollouts.SimSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class ArtefactsScreenFxTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final FxTaskExecutor executor = new FxTaskExecutor(2);
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
    void createAnArtefactWithTheFormAndSeeTheApisRefusalToDeleteADeployedOne() throws Exception {
        session = SimSession.open(SimConfig.builder().devices(5).seed(2).build(), dir, executor);
        Artefact deployed = SimSession.artefact(session, "kiosk-v1", "https://example.com/images/kiosk-v1.img");
        session.client().createDeployment(session.store().index().devices().get(0).id(), deployed.id());
        FxToolkit.setupStage(stage -> {
            SimSession.online(session);
            ArtefactsScreen screen = new ArtefactsScreen(session);
            Scene scene = new Scene((Parent) screen.view(), 1100, 600);
            scene.getStylesheets().add(Theme.appStylesheet());
            stage.setScene(scene);
            stage.show();
            screen.onShown();
        });
        TableView<?> table = robot.lookup("#artefacts-table").queryTableView();
        waitFor(() -> table.getItems().size() == 1);

        robot.clickOn("#new-artefact");
        robot.clickOn("#artefact-name").write("kiosk-v2");
        robot.clickOn("#artefact-uri").write("http://example.com/images/kiosk-v2.img");
        robot.clickOn("#artefact-checksum").write("d39fc02a");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.take(dialog().getScene(), "new-artefact-invalid");
        assertTrue(robot.lookup("#create-artefact").queryButton().isDisabled());
        robot.doubleClickOn("#artefact-uri").eraseText(60).write("https://example.com/images/kiosk-v2.img");
        robot.clickOn("#artefact-checksum").eraseText(8).write(SimSession.CHECKSUM);
        robot.clickOn("#create-artefact");
        waitFor(() -> table.getItems().size() == 2);
        assertEquals(2, session.client().listAllArtefacts(null).size());

        // Cells are rebuilt when the list reloads: take the button that is on the screen now, not a detached one.
        java.util.function.Predicate<Node> liveDelete = n -> "Delete kiosk-v1".equals(n.getAccessibleText())
                && n.getScene() != null && n.isVisible();
        waitFor(() -> robot.lookup(".button").match(liveDelete).tryQuery().isPresent());
        robot.interact(() -> robot.lookup(".button").match(liveDelete).queryButton().fire());
        waitFor(() -> robot.lookup(".form-error").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("Cannot delete artefacts that have been deployed")));
        Screenshots.take(table.getScene(), "artefacts");
        assertEquals(2, table.getItems().size());
    }

    private Stage dialog() {
        return (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s && "New artefact".equals(s.getTitle()))
                .findFirst().orElseThrow();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
