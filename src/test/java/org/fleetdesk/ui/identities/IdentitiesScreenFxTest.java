package org.fleetdesk.ui.identities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.TestKeys;
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

/** A person registers a device identity with a signature made on the device, renames it, then deletes it. */
@ExtendWith(ApplicationExtension.class)
class IdentitiesScreenFxTest {
    @TempDir
    static Path dir;

    private SimServer server;
    private Session session;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        server = SimServer.start(SimConfig.builder().devices(0).seed(32).build());
        executor = new FxTaskExecutor(2);
        session = SimSession.open(server, dir, executor);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        IdentitiesScreen screen = new IdentitiesScreen(new IdentitiesViewModel(session));
        Scene scene = new Scene((Parent) screen.view(), 1100, 640);
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
    void registerWithASignatureFromTheDeviceRenameThenDelete(FxRobot robot) throws Exception {
        KeyPair device = TestKeys.p256();
        robot.clickOn("#register-identity-open");
        robot.interact(() -> robot.lookup("#identity-public-key").queryAs(TextInputControl.class)
                .setText(TestKeys.pem(device.getPublic())));
        robot.clickOn("#identity-description").write("kiosk 7");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> digestShown(robot).length() == 64 && digestFrozenFor(robot, "kiosk 7"));
        String signature = signDigest(device, digestShown(robot));
        robot.interact(() -> robot.lookup("#identity-signature").queryAs(TextInputControl.class).setText(signature));
        robot.clickOn("#register-identity");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> rows(robot).getItems().size() == 1);
        assertEquals(1, server.organisation().identities().size());
        assertEquals("kiosk 7", server.organisation().identities().get(0).description());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cell(robot, "kiosk 7").isPresent());
        robot.doubleClickOn(cell(robot, "kiosk 7").orElseThrow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#save-identity").tryQuery().isPresent());
        robot.interact(() -> robot.lookup(".dialog-pane .text-field").match(f -> "kiosk 7".equals(
                ((TextInputControl) f).getText())).queryAs(TextInputControl.class).setText("kiosk 7 (lobby)"));
        robot.clickOn("#save-identity");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> cell(robot, "kiosk 7 (lobby)").isPresent());
        assertEquals("kiosk 7 (lobby)", server.organisation().identities().get(0).description());

        robot.clickOn(cell(robot, "kiosk 7 (lobby)").orElseThrow());
        robot.clickOn("Delete");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match(b -> "Delete".equals(
                ((javafx.scene.control.Button) b).getText())).queryButton());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> server.organisation().identities().isEmpty()
                && rows(robot).getItems().isEmpty());
        assertTrue(session.store().deviceIdentities().all().isEmpty(), "the cache forgot the identity too");
    }

    @SuppressWarnings("unchecked")
    private static TableView<DeviceIdentity> rows(FxRobot robot) {
        return robot.lookup("#identities-table").queryAs(TableView.class);
    }

    private static Optional<Node> cell(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText())).tryQuery();
    }

    private static String digestShown(FxRobot robot) {
        String text = robot.lookup("#identity-digest").queryAs(TextInputControl.class).getText();
        return text == null ? "" : text;
    }

    /** The digest is recomputed after each keystroke: wait until it covers the whole description. */
    private static boolean digestFrozenFor(FxRobot robot, String description) {
        return description.equals(robot.lookup("#identity-description").queryAs(TextInputControl.class).getText());
    }

    /** What the device does: ECDSA P-256 over the SHA-256 digest it was shown, DER, Base64. */
    private static String signDigest(KeyPair pair, String digestHex) throws Exception {
        Signature signer = Signature.getInstance("NONEwithECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(HexFormat.of().parseHex(digestHex));
        return Base64.getEncoder().encodeToString(signer.sign());
    }
}
