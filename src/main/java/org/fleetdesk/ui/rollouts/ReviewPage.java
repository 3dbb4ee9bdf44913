package org.fleetdesk.ui.rollouts;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fleetdesk.rollout.SupersedeCheck.Superseded;
import org.fleetdesk.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/** The wizard's review page: what will be deployed where, pending deployments it replaces, billing. */
final class ReviewPage {
    private ReviewPage() {
    }

    static Node of(RolloutWizardViewModel wizard) {
        ReviewCheck model = wizard.review();
        Label what = new Label();
        what.setId("review-summary");
        what.setWrapText(true);
        what.getStyleClass().add("plan-summary");
        what.textProperty().bind(Bindings.createStringBinding(() -> wizard.artefactProperty().get() == null
                || wizard.plan().planProperty().get() == null ? "" : "Deploy " + wizard.artefactProperty().get().name()
                + " to " + wizard.targets().countProperty().get() + " devices: "
                + wizard.plan().planProperty().get().summary() + ".", wizard.artefactProperty(),
                wizard.targets().countProperty(), wizard.plan().planProperty()));
        Label note = new Label();
        note.setWrapText(true);
        note.textProperty().bind(model.noteProperty());
        Button check = new Button("Check now");
        check.setOnAction(e -> model.checkPending());
        check.disableProperty().bind(model.checkingProperty());
        Button stop = new Button("Stop checking");
        stop.setOnAction(e -> model.cancel());
        stop.disableProperty().bind(model.checkingProperty().not());

        TableView<Superseded> superseded = new TableView<>(model.superseded());
        superseded.setId("review-superseded");
        superseded.getColumns().add(Pages.column("Device", 220, s -> s.target().deviceName()));
        superseded.getColumns().add(Pages.column("Pending deployment", 260, s -> s.pending().id()));
        superseded.getColumns().add(Pages.column("Its artefact", 260, s -> s.pending().artefactId()));
        superseded.placeholderProperty().bind(Bindings.createObjectBinding(() -> new Label(
                model.checkingProperty().get() ? "Checking…" : "No pending deployment found."), model.checkingProperty()));
        superseded.setPrefHeight(180);
        Label billing = new Label();
        billing.setWrapText(true);
        billing.getStyleClass().add("warning-text");
        billing.setGraphic(Icons.icon(MaterialDesignA.ALERT_OUTLINE));
        billing.textProperty().bind(model.billingProperty());
        VBox page = new VBox(10, Pages.heading("Review"), what, new Label("Pending deployments that would be replaced"),
                Pages.row(note, check, stop), superseded, billing);
        VBox.setVgrow(superseded, Priority.ALWAYS);
        return page;
    }
}
