package org.fleetdesk.ui.rollouts;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fleetdesk.api.Device;

/** The wizard's targets page: selection or query, the count (old clients flagged) and a preview table. */
final class TargetsPage {
    private TargetsPage() {
    }

    static Node of(TargetChoice model) {
        ToggleGroup group = new ToggleGroup();
        RadioButton selected = new RadioButton("The devices selected on the Devices screen");
        RadioButton byQuery = new RadioButton("The devices matching a search");
        selected.setToggleGroup(group);
        byQuery.setToggleGroup(group);
        selected.setSelected(model.useSelectionProperty().get());
        byQuery.setSelected(!model.useSelectionProperty().get());
        model.useSelectionProperty().bind(selected.selectedProperty());
        HBox choice = new HBox(16, selected, byQuery);
        choice.setVisible(model.hasSelection());
        choice.setManaged(model.hasSelection());

        TextField query = new TextField();
        query.setId("wizard-query");
        query.setPromptText("e.g. tag:kiosk model:5 — empty for every device");
        query.textProperty().bindBidirectional(model.queryProperty());
        query.disableProperty().bind(selected.selectedProperty());
        Label warning = new Label();
        warning.getStyleClass().add("warning-text");
        warning.textProperty().bind(model.warningProperty());
        warning.managedProperty().bind(model.warningProperty().isNotEmpty());
        Label count = new Label();
        count.setId("wizard-target-count");
        count.setStyle("-fx-font-weight: bold;");
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = model.countProperty().get();
            int old = model.oldClientsProperty().get();
            return n < 0 ? "Counting…" : n + " device" + (n == 1 ? "" : "s") + (old == 0 ? ""
                    : " — " + old + " on a Connect client older than 2.9.0 (marked below)");
        }, model.countProperty(), model.oldClientsProperty()));

        TableView<Device> preview = new TableView<>(model.preview());
        preview.setId("wizard-preview");
        preview.getColumns().add(Pages.column("Name", 200, Device::name));
        preview.getColumns().add(Pages.column("Model", 110, d -> d.board() == null ? null : d.board().model()));
        preview.getColumns().add(Pages.column("OS", 130, d -> d.os() == null ? null
                : d.os().name() + " " + d.os().version()));
        preview.getColumns().add(Pages.column("Tags", 200, d -> String.join(", ", d.tags())));
        preview.getColumns().add(Pages.column("Client", 120, d -> d.isOldClient() ? "⚠ before 2.9.0" : "2.9.0 or later"));
        preview.setPlaceholder(new Label("No device matches."));
        preview.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label note = Pages.muted("The rollout deploys to exactly these devices (from the local cache; refresh it first"
                + " if the fleet changed). The preview shows the first " + TargetChoice.PREVIEW_SIZE + ".");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotEmpty());
        VBox page = new VBox(8, Pages.heading("Where to deploy"), choice, query, warning, count, preview, note, error);
        VBox.setVgrow(preview, Priority.ALWAYS);
        return page;
    }
}
