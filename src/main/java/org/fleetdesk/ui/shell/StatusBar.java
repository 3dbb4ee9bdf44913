package org.fleetdesk.ui.shell;

import org.fleetdesk.store.CacheAges;
import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.fleetdesk.ui.common.ConnectionState;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.common.RunningTask;
import org.fleetdesk.ui.common.RunningTasks;
import org.fleetdesk.ui.common.Session;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** The bottom bar: connection state, cache age, and the background work with its progress and a cancel button. */
final class StatusBar {
    private final ShellViewModel model;
    private final RunningTasks tasks;
    private final Label connection = new Label();
    private final Label age = new Label();
    private final Label work = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = Icons.iconButton(MaterialDesignC.CLOSE_CIRCLE_OUTLINE, "Cancel this work", this::cancel);
    private RunningTask shown;

    StatusBar(ShellViewModel model, RunningTasks tasks) {
        this.model = model;
        this.tasks = tasks;
    }

    Node build() {
        connection.setId("connection-state");
        age.setId("cache-age");
        work.setId("background-work");
        progress.setPrefWidth(160);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, connection, age, spacer, work, progress, cancel);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        model.sessionProperty().addListener((obs, old, session) -> bind(session));
        tasks.list().addListener((ListChangeListener<RunningTask>) change -> showFirstTask());
        showFirstTask();
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(20), e -> refreshAge()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        return bar;
    }

    private void bind(Session session) {
        connection.textProperty().bind(Bindings.createStringBinding(
                () -> session.connectionProperty().get().label(), session.connectionProperty()));
        connection.graphicProperty().bind(Bindings.createObjectBinding(
                () -> connectionIcon(session.connectionProperty().get()), session.connectionProperty()));
        connection.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip(session.connectionDetailProperty().get()), session.connectionDetailProperty()));
        session.lastSyncProperty().addListener((obs, old, now) -> refreshAge());
        refreshAge();
    }

    private static Node connectionIcon(ConnectionState state) {
        FontIcon icon = Icons.icon(state == ConnectionState.ONLINE ? MaterialDesignL.LAN_CONNECT : MaterialDesignL.LAN_DISCONNECT);
        icon.getStyleClass().add(state == ConnectionState.ONLINE ? "success" : "warning");
        return icon;
    }

    private void refreshAge() {
        Session session = model.sessionProperty().get();
        Instant last = session == null ? null : session.lastSyncProperty().get();
        age.setText(session == null ? "" : CacheAges.synced(last, model.clock().instant()));
    }

    private void showFirstTask() {
        RunningTask first = tasks.list().isEmpty() ? null : tasks.list().get(0);
        if (first == shown) {
            return;
        }
        shown = first;
        boolean visible = first != null;
        work.setVisible(visible);
        progress.setVisible(visible);
        cancel.setVisible(visible);
        if (!visible) {
            work.textProperty().unbind();
            work.setText("");
            progress.progressProperty().unbind();
            return;
        }
        work.textProperty().bind(Bindings.createStringBinding(() -> {
            String message = first.messageProperty().get();
            String more = tasks.list().size() > 1 ? " (+" + (tasks.list().size() - 1) + " more)" : "";
            return (message == null || message.isBlank() ? first.title() : message) + more;
        }, first.messageProperty()));
        progress.progressProperty().bind(first.progressProperty());
    }

    private void cancel() {
        if (shown != null) {
            shown.cancel();
        }
    }
}
