package org.fleetdesk.ui.provision;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fleetdesk.api.Validation;

/**
 * Tags as removable chips plus a field to add one: Enter, space or comma adds what was typed, after the documented
 * check (lowercase letters, digits, '-' and '_', at most 30 characters, at most 10 tags). A refused tag stays in the
 * field and the reason shows under it.
 */
public final class TagChipEditor extends VBox {
    private final ObservableList<String> tags;
    private final FlowPane chips = new FlowPane(4, 4);
    private final TextField input = new TextField();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public TagChipEditor(ObservableList<String> tags) {
        super(4);
        this.tags = tags;
        input.setPromptText("Add a tag (Enter)");
        input.setPrefColumnCount(14);
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.COMMA) {
                add();
                e.consume();
            } else if (e.getCode() == KeyCode.BACK_SPACE && input.getText().isEmpty() && !tags.isEmpty()) {
                tags.remove(tags.size() - 1);
            }
        });
        input.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && !input.getText().isBlank()) {
                add();
            }
        });
        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.textProperty().bind(problem);
        error.visibleProperty().bind(problem.isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        tags.addListener((ListChangeListener<String>) change -> redraw());
        redraw();
        getChildren().addAll(chips, error);
    }

    /** Why the last typed tag was refused, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public TextField input() {
        return input;
    }

    private void add() {
        String tag = input.getText().strip().replace(",", "");
        if (tag.isEmpty()) {
            return;
        }
        String why = Validation.tagProblem(tag);
        if (why == null && tags.size() >= Validation.MAX_TAGS) {
            why = "You can apply up to " + Validation.MAX_TAGS + " tags.";
        }
        if (why != null) {
            problem.set(why);
            return;
        }
        problem.set("");
        if (!tags.contains(tag)) {
            tags.add(tag);
        }
        input.clear();
    }

    private void redraw() {
        chips.getChildren().clear();
        for (String tag : tags) {
            Button remove = new Button("✕");
            remove.setAccessibleText("Remove tag " + tag);
            remove.setOnAction(e -> tags.remove(tag));
            HBox chip = new HBox(new Label(tag), remove);
            chip.getStyleClass().add("chip-removable");
            chips.getChildren().add(chip);
        }
        chips.getChildren().add(input);
    }
}
