package org.fleetdesk.ui.devices;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Popup;
import org.fleetdesk.query.Completion;
import org.fleetdesk.query.Qualifier;

/**
 * The search bar's dropdown: qualifiers, or a qualifier's values with their counts in the fleet. It never takes the
 * focus; the text field forwards Up, Down, Enter, Tab and Escape to it.
 */
final class CompletionPopup {
    private static final double ROW_HEIGHT = 28;
    private final Popup popup = new Popup();
    private final ListView<Completion> list = new ListView<>();

    CompletionPopup(Consumer<Completion> onChoose) {
        list.getStyleClass().add("completion-list");
        list.getStylesheets().add(DevicesScreen.STYLESHEET);
        list.setId("query-completions");
        list.setFixedCellSize(ROW_HEIGHT);
        list.setPrefWidth(320);
        list.setFocusTraversable(false);
        list.setCellFactory(view -> new CompletionCell());
        list.setOnMouseClicked(e -> {
            Completion chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                onChoose.accept(chosen);
            }
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);
    }

    void show(Region anchor, List<Completion> completions) {
        if (completions.isEmpty()) {
            hide();
            return;
        }
        list.getItems().setAll(completions);
        list.getSelectionModel().clearSelection();
        list.setPrefHeight(Math.min(completions.size(), 10) * ROW_HEIGHT + 4);
        Bounds bounds = anchor.localToScreen(anchor.getBoundsInLocal());
        if (bounds == null) {
            return;
        }
        if (popup.isShowing()) {
            popup.setX(bounds.getMinX());
            popup.setY(bounds.getMaxY() + 2);
        } else {
            popup.show(anchor, bounds.getMinX(), bounds.getMaxY() + 2);
        }
    }

    void hide() {
        popup.hide();
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    /** Moves the highlight by {@code step} rows (Down = 1, Up = -1). */
    void move(int step) {
        int size = list.getItems().size();
        int current = list.getSelectionModel().getSelectedIndex();
        int next = current < 0 ? (step > 0 ? 0 : size - 1) : Math.floorMod(current + step, size);
        list.getSelectionModel().select(next);
        list.scrollTo(Math.max(0, next - 4));
    }

    Completion selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    Completion first() {
        return list.getItems().isEmpty() ? null : list.getItems().get(0);
    }

    private static final class CompletionCell extends ListCell<Completion> {
        private final Label term = new Label();
        private final Label detail = new Label();
        private final HBox row = new HBox(8, term, spacer(), detail);

        CompletionCell() {
            detail.getStyleClass().add("muted");
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Completion item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            term.setText(item.replacement().strip());
            detail.setText(item.kind() == Completion.Kind.QUALIFIER
                    ? "filter by " + Qualifier.named(item.replacement().replace(":", "")).map(Qualifier::noun).orElse("")
                    : String.format("%,d", item.count()));
            setText(null);
            setGraphic(row);
        }

        private static Region spacer() {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            return spacer;
        }
    }
}
