package org.fleetdesk.ui.rollouts;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.Notifications;
import org.fleetdesk.api.Device;
import org.fleetdesk.rollout.Rollout;
import org.fleetdesk.rollout.RolloutProgress;
import org.fleetdesk.rollout.RolloutState;
import org.fleetdesk.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The Deployments screen: the rollouts list (left), the selected rollout's monitor (right), and the wizard. */
final class RolloutsView {
    private final RolloutsViewModel model;
    private final BorderPane root = new BorderPane();
    private final StackPane monitorArea = new StackPane();
    private final TableView<Rollout> table = new TableView<>();
    private RolloutMonitorViewModel monitor;

    RolloutsView(RolloutsViewModel model) {
        this.model = model;
        root.getStylesheets().add(RolloutsView.class.getResource("rollouts.css").toExternalForm());
        Label title = new Label("Deployments");
        title.getStyleClass().add("screen-title");
        Button create = new Button("New rollout", Icons.icon(MaterialDesignP.PLUS));
        create.setId("new-rollout");
        create.setOnAction(e -> openWizard(List.of()));
        create.disableProperty().bind(model.session().writableProperty().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, create);
        header.getStyleClass().add("screen-header");

        table.setId("rollouts-table");
        table.setItems(model.list());
        table.setPlaceholder(new Label("No rollouts yet. Start one with New rollout."));
        table.getColumns().add(text("Artefact", 110, Rollout::artefactName));
        table.getColumns().add(stateColumn());
        table.getColumns().add(progressColumn());
        table.getColumns().add(text("Targets", 150, Rollout::targetsDescription));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setTooltip(new javafx.scene.control.Tooltip("Rollouts started from this computer, newest first"));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedIdProperty().set(now.id());
            }
        });
        model.selectedIdProperty().addListener((o, was, now) -> showMonitor(now));

        Label empty = new Label("Select a rollout to follow it here.");
        empty.getStyleClass().add("muted");
        monitorArea.getChildren().add(empty);
        SplitPane split = new SplitPane(table, monitorArea);
        split.setDividerPositions(0.36);
        root.setTop(header);
        root.setCenter(split);
        BorderPane.setMargin(split, new Insets(0, 8, 8, 8));
    }

    Node node() {
        return root;
    }

    void openWizard(List<Device> preselected) {
        RolloutWizard.show(root.getScene().getWindow(), new RolloutWizardViewModel(model.session(), model.rollouts(),
                preselected), model::started);
    }

    private void showMonitor(String id) {
        if (monitor != null) {
            monitor.close();
        }
        if (id == null) {
            return;
        }
        monitor = new RolloutMonitorViewModel(model.session(), model.rollouts(), id, this::notifyEnded);
        ScrollPane scroll = new ScrollPane(new RolloutMonitorView(monitor, model::started).node());
        scroll.setFitToWidth(true);
        monitorArea.getChildren().setAll(scroll);
        monitor.open();
        model.list().stream().filter(r -> r.id().equals(id)).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r));
    }

    private void notifyEnded(RolloutProgress progress) {
        model.refresh();
        if (root.getScene() == null) {
            return;
        }
        Notifications notification = Notifications.create().owner(root.getScene().getWindow())
                .title("Rollout " + progress.rolloutId() + " " + progress.state().apiName())
                .text(progress.counts() + (progress.reason() == null ? "" : "\n" + progress.reason()));
        if (progress.state() == RolloutState.COMPLETED) {
            notification.showInformation();
        } else {
            notification.showWarning();
        }
    }

    private static TableColumn<Rollout, String> text(String name, double width,
                                                    java.util.function.Function<Rollout, String> value) {
        TableColumn<Rollout, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private TableColumn<Rollout, Rollout> stateColumn() {
        return cellColumn("State", 100, (rollout, cell) -> {
            String state = StatusStyle.state(rollout.state(), model.isRunningHere(rollout));
            Label label = new Label(state);
            label.getStyleClass().addAll("state-label", state);
            label.setMinWidth(Region.USE_PREF_SIZE);
            cell.setGraphic(label);
        });
    }

    private TableColumn<Rollout, Rollout> progressColumn() {
        return cellColumn("Progress", 110, (rollout, cell) -> {
            StackedBar bar = new StackedBar(true);
            bar.setCounts(rollout.counts());
            bar.setPrefWidth(96);
            HBox box = new HBox(bar);
            box.setAlignment(Pos.CENTER_LEFT);
            cell.setGraphic(box);
        });
    }

    private static TableColumn<Rollout, Rollout> cellColumn(String name, double width,
                                                           java.util.function.BiConsumer<Rollout, TableCell<Rollout, Rollout>> fill) {
        TableColumn<Rollout, Rollout> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Rollout rollout, boolean empty) {
                super.updateItem(rollout, empty);
                setText(null);
                setGraphic(null);
                if (!empty && rollout != null) {
                    fill.accept(rollout, this);
                }
            }
        });
        return column;
    }

    /** The monitor on screen, for tests. */
    RolloutMonitorViewModel monitor() {
        return monitor;
    }
}
