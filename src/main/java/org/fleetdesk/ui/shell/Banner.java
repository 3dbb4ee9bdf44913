package org.fleetdesk.ui.shell;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fleetdesk.ui.common.ConnectionState;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.common.Session;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;

/**
 * The strips above the screens: the demo notice, what was repaired when the organisation's files were opened (until
 * dismissed), and the offline or token-refused state with what to do.
 */
final class Banner {
    private final ShellViewModel model;
    private final Runnable openSettings;
    private final VBox box = new VBox();
    private final ChangeListener<Object> refresh = (obs, old, now) -> update();
    private Session recoveryDismissed;

    Banner(ShellViewModel model, Runnable openSettings) {
        this.model = model;
        this.openSettings = openSettings;
    }

    Node build() {
        model.sessionProperty().addListener((obs, old, session) -> {
            if (old != null) {
                old.connectionProperty().removeListener(refresh);
                old.connectionDetailProperty().removeListener(refresh);
            }
            session.connectionProperty().addListener(refresh);
            session.connectionDetailProperty().addListener(refresh);
            update();
        });
        return box;
    }

    private void update() {
        box.getChildren().clear();
        Session session = model.sessionProperty().get();
        if (session == null) {
            return;
        }
        if (session.isDemo()) {
            box.getChildren().add(strip("demo", "Demo organisation (simulated) — a generated fleet running on this"
                    + " computer only; nothing here touches real devices.", Icons.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE), null));
        }
        if (recoveryDismissed != session) {
            for (String message : session.store().recoveryMessages()) {
                Button dismiss = new Button("Dismiss");
                dismiss.setOnAction(e -> {
                    recoveryDismissed = session;
                    update();
                });
                box.getChildren().add(strip("recovered", message, Icons.icon(MaterialDesignA.ALERT_OUTLINE), dismiss));
            }
        }
        ConnectionState state = session.connectionProperty().get();
        if (state == ConnectionState.OFFLINE) {
            Button retry = new Button("Retry now");
            retry.setOnAction(e -> model.sync());
            box.getChildren().add(strip("offline", "Offline — showing the cache read-only. "
                    + session.connectionDetailProperty().get(), Icons.icon(MaterialDesignC.CLOUD_OFF_OUTLINE), retry));
        } else if (state == ConnectionState.TOKEN_REFUSED) {
            Button settings = new Button("Open Settings");
            settings.setOnAction(e -> openSettings.run());
            box.getChildren().add(strip("error", session.connectionDetailProperty().get(),
                    Icons.icon(MaterialDesignK.KEY_REMOVE), settings));
        }
    }

    private static Node strip(String kind, String text, Node icon, Button action) {
        Label label = new Label(text, icon);
        label.setWrapText(true);
        label.setId("banner-" + kind);
        HBox.setHgrow(label, Priority.ALWAYS);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox strip = action == null ? new HBox(label) : new HBox(8, label, action);
        strip.getStyleClass().addAll("banner", kind);
        return strip;
    }
}
