package org.fleetdesk.ui.rollouts;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.DeploymentState;
import org.fleetdesk.ui.common.Session;

/**
 * A device's deployments for its details panel: the list with reasons, "deploy an artefact" and "cancel" on pending
 * ones. Embed {@link #node()}; {@link #refresh()} reloads it.
 */
public final class DeviceDeploymentsPane {
    private final DeviceDeploymentsViewModel model;
    private final VBox root = new VBox(8);

    public DeviceDeploymentsPane(Session session, String deviceId) {
        this.model = new DeviceDeploymentsViewModel(session, deviceId);
        TableView<Deployment> table = new TableView<>(model.deployments());
        table.setId("device-deployments");
        table.getColumns().add(column("Artefact", 150, d -> model.artefactName(d.artefactId())));
        table.getColumns().add(column("State", 90, d -> d.state().apiName().replace('_', ' ')));
        table.getColumns().add(column("Reason", 200, Deployment::stateReason));
        table.getColumns().add(column("Created", 170, d -> String.valueOf(d.createdAt())));
        table.getColumns().add(cancelColumn());
        table.setPlaceholder(new Label("No deployments."));
        table.setPrefHeight(200);

        ComboBox<Artefact> artefact = new ComboBox<>(model.artefacts());
        artefact.setPromptText("Artefact");
        artefact.setId("device-deploy-artefact");
        artefact.setCellFactory(l -> artefactCell());
        artefact.setButtonCell(artefactCell());
        artefact.valueProperty().bindBidirectional(model.artefactProperty());
        Button deploy = new Button("Deploy");
        deploy.setId("device-deploy");
        deploy.setOnAction(e -> model.deploy());
        deploy.disableProperty().bind(model.canDeployProperty().not());
        HBox deployRow = new HBox(6, artefact, deploy);
        deployRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(artefact, Priority.ALWAYS);
        Label replaces = new Label();
        replaces.getStyleClass().add("muted");
        replaces.textProperty().bind(model.replacesProperty());
        Label status = new Label();
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotEmpty());
        Label heading = new Label("Deployments");
        heading.setStyle("-fx-font-weight: bold;");
        root.getChildren().addAll(heading, table, deployRow, replaces, error, status);
        VBox.setVgrow(table, Priority.ALWAYS);
        model.load();
    }

    public Node node() {
        return root;
    }

    public void refresh() {
        model.load();
    }

    private TableColumn<Deployment, Deployment> cancelColumn() {
        TableColumn<Deployment, Deployment> column = new TableColumn<>("");
        column.setPrefWidth(80);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Deployment d, boolean empty) {
                super.updateItem(d, empty);
                if (empty || d == null || d.state() != DeploymentState.PENDING) {
                    setGraphic(null);
                    return;
                }
                Button cancel = new Button("Cancel");
                cancel.setOnAction(e -> model.cancel(d));
                cancel.disableProperty().bind(model.busyProperty().or(model.session().writableProperty().not()));
                setGraphic(cancel);
            }
        });
        return column;
    }

    private static ListCell<Artefact> artefactCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Artefact a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.name());
            }
        };
    }

    private static TableColumn<Deployment, String> column(String name, double width,
                                                         java.util.function.Function<Deployment, String> value) {
        TableColumn<Deployment, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
