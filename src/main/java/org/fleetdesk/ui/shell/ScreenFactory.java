package org.fleetdesk.ui.shell;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fleetdesk.api.Device;
import org.fleetdesk.ui.activity.ActivityScreen;
import org.fleetdesk.ui.activity.ActivityViewModel;
import org.fleetdesk.ui.artefacts.ArtefactsScreen;
import org.fleetdesk.ui.authkeys.AuthKeysScreen;
import org.fleetdesk.ui.authkeys.AuthKeysViewModel;
import org.fleetdesk.ui.common.Screen;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.common.TaskExecutor;
import org.fleetdesk.ui.common.Theme;
import org.fleetdesk.ui.devices.DevicesScreen;
import org.fleetdesk.ui.identities.IdentitiesScreen;
import org.fleetdesk.ui.identities.IdentitiesViewModel;
import org.fleetdesk.ui.rollouts.DeviceDeploymentsPane;
import org.fleetdesk.ui.rollouts.RolloutsScreen;
import org.fleetdesk.ui.settings.SettingsScreen;
import org.fleetdesk.ui.settings.SettingsViewModel;

/** Builds the screens of an opened organisation, in sidebar order, and wires the links between them. */
public final class ScreenFactory {
    static final int DEPLOYMENTS = 4;

    private final TaskExecutor executor;
    private final SettingsViewModel settings;

    public ScreenFactory(TaskExecutor executor, SettingsViewModel settings) {
        this.executor = executor;
        this.settings = settings;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public List<Screen> create(Session session, IntConsumer select) {
        settings.setSession(session);
        DevicesScreen devices = new DevicesScreen(session);
        RolloutsScreen rollouts = new RolloutsScreen(session);
        devices.setOnDeploy(selected -> {
            select.accept(DEPLOYMENTS);
            rollouts.openWizard(selected);
        });
        devices.setOnShowDeployments(device -> showDeployments(session, device));
        return List.of(devices,
                new AuthKeysScreen(new AuthKeysViewModel(session)),
                new IdentitiesScreen(new IdentitiesViewModel(session)),
                new ArtefactsScreen(session),
                rollouts,
                new ActivityScreen(new ActivityViewModel(session)),
                new SettingsScreen(settings));
    }

    /** One device's deployments in a window of their own: deploy an artefact to it, cancel a pending one. */
    private static void showDeployments(Session session, Device device) {
        DeviceDeploymentsPane pane = new DeviceDeploymentsPane(session, device.id());
        Stage stage = new Stage();
        stage.setTitle("Fleetdesk — deployments of " + device.name());
        Scene scene = new Scene(new javafx.scene.layout.StackPane(pane.node()), 760, 480);
        scene.getStylesheets().add(Theme.appStylesheet());
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
        pane.refresh();
    }
}
