package org.fleetdesk.ui.authkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.ui.common.FxTaskExecutor;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.common.Theme;
import org.fleetdesk.ui.provision.SimSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A person creates one key: the secret is shown once, and after closing the view it is nowhere on screen. */
@ExtendWith(ApplicationExtension.class)
class CreateKeyFlowTest {
    @TempDir
    static Path dir;

    private SimServer server;
    private Session session;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        server = SimServer.start(SimConfig.builder().devices(0).seed(31).build());
        executor = new FxTaskExecutor(2);
        session = SimSession.open(server, dir, executor);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AuthKeysScreen screen = new AuthKeysScreen(new AuthKeysViewModel(session));
        Scene scene = new Scene((javafx.scene.Parent) screen.view(), 1100, 640);
        scene.getStylesheets().add(Theme.appStylesheet());
        stage.setScene(scene);
        stage.show();
        screen.onShown();
    }

    @AfterEach
    void stop() {
        executor.shutdown();
        session.close();
        server.stop();
    }

    @Test
    void theSecretIsShownOnceAndGoneAfterClosing(FxRobot robot) throws Exception {
        robot.clickOn("#new-key");
        robot.clickOn("#key-description").write("shop 12");
        robot.clickOn("#key-device-name").write("pi5-012");
        robot.clickOn("#create-key");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !server.organisation().authKeys().isEmpty()
                && showing(robot, server.organisation().authKeys().get(0).secret()));
        AuthKey created = server.organisation().authKeys().get(0);
        assertEquals("pi5-012", created.deviceName());
        assertEquals(1, robot.lookup(".secret-field").queryAllAs(TextInputControl.class).stream()
                .filter(f -> created.secret().equals(f.getText())).count(), "the secret is shown once");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .allMatch(w -> w.getWidth() > 0));
        robot.clickOn("I have saved them — close");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!showing(robot, created.secret()), "the secret is gone from every window");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("shop 12").tryQuery().isPresent());
        assertNull(session.store().authKeys().get(created.id()).orElseThrow().secret());
    }

    @Test
    void keysCreatedInBulkShowEachOutcomeThenTheirSecretsOnce(FxRobot robot) throws Exception {
        robot.clickOn("#bulk-keys");
        robot.clickOn("#bulk-names").write("till-{01..03}");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#bulk-preview")
                .queryListView().getItems().size() == 3);
        robot.clickOn("#bulk-start");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#secrets-table").tryQuery().isPresent());
        assertEquals(3, server.organisation().authKeys().size());
        assertEquals(3, robot.lookup(".table-view").queryAllAs(TableView.class).stream()
                .filter(t -> !"secrets-table".equals(t.getId()) && !"auth-keys-table".equals(t.getId()))
                .mapToInt(t -> t.getItems().size()).sum(), "the bulk dialog lists each name's outcome");
        for (AuthKey key : server.organisation().authKeys()) {
            assertTrue(showing(robot, key.secret()), "the secret of " + key.description() + " is shown");
        }
    }

    /** True when any text field or label of any open window holds {@code text}. */
    private static boolean showing(FxRobot robot, String text) {
        for (Window window : Window.getWindows()) {
            if (window.getScene() != null && contains(window.getScene().getRoot(), text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(Node node, String text) {
        if (node instanceof TextInputControl input && input.getText() != null && input.getText().contains(text)) {
            return true;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && labeled.getText().contains(text)) {
            return true;
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (contains(child, text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
