package org.fleetdesk.ui.provision;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The run part of a bulk dialog: Start, Stop, a progress bar, the summary line and every item's outcome. */
public final class BatchRunView {
    private BatchRunView() {
    }

    /** {@code start} is the dialog's own button (it knows when the batch may start); Stop shows while it runs. */
    public static <T> Node of(BatchRun<T> batch, Button start, String stopText, String detailTitle,
                              Function<T, String> detail) {
        start.getStyleClass().add(Styles.ACCENT);
        Button stop = new Button(stopText);
        stop.getStyleClass().add(Styles.DANGER);
        stop.visibleProperty().bind(batch.runningProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> batch.cancel());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(batch.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox run = new HBox(10, start, stop, bar);
        run.setAlignment(Pos.CENTER_LEFT);
        Label summary = Dialogs.text("");
        summary.textProperty().bind(batch.summaryProperty());
        var outcomes = OutcomeTable.of(batch.outcomes(), detailTitle, detail);
        VBox.setVgrow(outcomes, Priority.ALWAYS);
        VBox view = new VBox(10, run, summary, outcomes);
        VBox.setVgrow(view, Priority.ALWAYS);
        return view;
    }

    /** The dialog cannot be closed while the batch runs: what it started must be seen to its end. */
    public static void lockWhileRunning(Dialog<ButtonType> dialog, BatchRun<?> batch) {
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().lookupButton(ButtonType.CLOSE).disableProperty().bind(batch.runningProperty());
        dialog.setOnCloseRequest(e -> {
            if (batch.isRunning()) {
                e.consume();
            }
        });
    }
}
