package org.fleetdesk.ui.devices;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fleetdesk.api.DeploymentState;

/** One deployment in the details pane: artefact and state, then the times and the reason for a failure. */
final class DeploymentCell extends ListCell<DeploymentRow> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final Label artefact = new Label();
    private final Label state = new Label();
    private final Label times = new Label();
    private final Label reason = new Label();
    private final VBox box;

    DeploymentCell() {
        artefact.getStyleClass().add("deployment-artefact");
        artefact.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(artefact, Priority.ALWAYS);
        HBox top = new HBox(8, artefact, state);
        top.setAlignment(Pos.CENTER_LEFT);
        times.getStyleClass().add("muted");
        times.setWrapText(true);
        reason.setWrapText(true);
        reason.getStyleClass().add("deployment-reason");
        box = new VBox(2, top, times, reason);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(DeploymentRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        artefact.setText(row.artefact());
        state.setText(row.state().apiName().replace('_', ' '));
        state.getStyleClass().setAll("label", "chip", "state-" + row.state().apiName());
        times.setText("created " + time(row.createdAt()) + " · updated " + time(row.updatedAt()));
        boolean hasReason = row.reason() != null && !row.reason().isBlank();
        reason.setText(hasReason ? row.reason() : "");
        reason.setVisible(hasReason);
        reason.setManaged(hasReason);
        reason.getStyleClass().removeAll("failed");
        if (row.state() == DeploymentState.FAILED) {
            reason.getStyleClass().add("failed");
        }
        setGraphic(box);
    }

    private static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }
}
