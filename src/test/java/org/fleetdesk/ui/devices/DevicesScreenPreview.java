package org.fleetdesk.ui.devices;

import java.io.File;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.NewArtefact;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.ui.SimSessionFixture;
import org.fleetdesk.ui.common.FxTaskExecutor;
import org.fleetdesk.ui.common.Theme;

/**
 * Renders the Devices screen on a simulated fleet to a PNG, to look at it: {@code DevicesScreenPreview DEVICES OUT.png
 * [QUERY] [charts|dark|history]}. Runs under Monocle (headless) or a real display.
 */
public final class DevicesScreenPreview {
    private DevicesScreenPreview() {
    }

    public static void main(String[] args) throws Exception {
        int devices = Integer.parseInt(args[0]);
        File out = new File(args[1]);
        String query = args.length > 2 ? args[2] : "";
        String mode = args.length > 3 ? args[3] : "";
        SimSessionFixture fixture = devices > 10_000 ? SimSessionFixture.startWithoutSync(devices, 42, new FxTaskExecutor(2))
                : SimSessionFixture.start(devices, 42, new FxTaskExecutor(2));
        Device shown = fixture.sim().organisation().devices().stream().sorted(DeviceSort.BY_NAME.comparator())
                .skip(3).findFirst().orElseThrow();
        if (mode.equals("history")) {
            ConnectClient client = fixture.session().client();
            for (String name : new String[] {"kiosk-app-2.4.1", "kiosk-app-2.5.0"}) {
                Artefact artefact = client.createArtefact(new NewArtefact(name, "https://updates.example.com/" + name
                        + ".tar", "a".repeat(64)));
                client.createDeployment(shown.id(), artefact.id());
            }
            fixture.session().store().artefacts().replaceAll(client.listAllArtefacts(null));
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CountDownLatch shot = new CountDownLatch(1);
        Platform.runLater(() -> {
            (mode.equals("dark") ? Theme.DARK : Theme.LIGHT).apply();
            DevicesScreen screen = new DevicesScreen(fixture.session());
            screen.setOnDeploy(selected -> { });
            screen.setOnShowDeployments(device -> { });
            Scene scene = new Scene((javafx.scene.Parent) screen.view(), 1440, 900);
            scene.getStylesheets().add(Theme.appStylesheet());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            screen.model().loadedProperty().addListener((obs, was, loaded) -> Platform.runLater(() -> {
                screen.queryModel().setQueryString(query);
                screen.table().view().getSelectionModel().select(3);
                if (mode.equals("history")) {
                    ((javafx.scene.control.Button) screen.view().lookup("#fetch-deployments")).fire();
                }
                if (mode.equals("charts")) {
                    screen.view().lookupAll(".tab-pane").forEach(p -> ((javafx.scene.control.TabPane) p)
                            .getSelectionModel().select(1));
                }
                javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(
                        javafx.util.Duration.seconds(1.5));
                settle.setOnFinished(e -> {
                    WritableImage image = scene.snapshot(null);
                    try {
                        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
                    } catch (java.io.IOException failure) {
                        failure.printStackTrace();
                    }
                    shot.countDown();
                });
                settle.play();
            }));
        });
        if (!shot.await(120, TimeUnit.SECONDS)) {
            System.err.println("timed out");
        }
        Platform.runLater(Platform::exit);
        fixture.close();
        System.exit(0);
    }
}
