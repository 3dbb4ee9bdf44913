package org.fleetdesk.ui.devices;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.fleetdesk.query.Completion;
import org.fleetdesk.query.Qualifier;
import org.fleetdesk.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The search field: applied filters as removable chips, then a text field for free text and terms being typed, with
 * a dropdown of qualifiers and values. Backspace at the start of the text removes the last chip; a qualifier term
 * becomes a chip when a space follows it, when it is chosen from the dropdown, pasted, or committed with Enter.
 */
public final class QueryBar extends HBox {
    private final QueryBarViewModel model;
    private final HBox chipBox = new HBox(4);
    private final TextField field = new TextField();
    private final CompletionPopup popup;
    private boolean writingField;

    public QueryBar(QueryBarViewModel model) {
        this.model = model;
        this.popup = new CompletionPopup(this::choose);
        getStyleClass().add("query-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        chipBox.setAlignment(Pos.CENTER_LEFT);
        chipBox.setMinWidth(HBox.USE_PREF_SIZE);
        field.setId("query-text");
        field.getStyleClass().add("query-text");
        field.setPromptText("Search: name or serial, model:5, memory:4gb, os:raspios-13, tag:kiosk");
        field.setAccessibleText("Search devices");
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMinWidth(160);
        Button clear = Icons.iconButton(MaterialDesignC.CLOSE_CIRCLE_OUTLINE, "Clear the search", this::clear);
        clear.setId("query-clear");
        clear.visibleProperty().bind(model.queryStringProperty().isNotEmpty());
        getChildren().addAll(Icons.icon(MaterialDesignM.MAGNIFY, 18), chipBox, field, clear);

        model.chips().addListener((ListChangeListener<QueryChip>) change -> showChips());
        showChips();
        field.setText(model.textProperty().get());
        field.setTextFormatter(new TextFormatter<>(this::filterEdit));
        field.textProperty().addListener((obs, old, now) -> {
            if (!writingField) {
                model.textProperty().set(now);
                // The caret moves after the text changes: suggest once it has.
                Platform.runLater(() -> {
                    if (field.isFocused()) {
                        suggest();
                    }
                });
            }
        });
        model.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(field.getText())) {
                writeField(now, now.length());
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                popup.hide();
            }
        });
        setOnMouseClicked(e -> field.requestFocus());
    }

    public TextField field() {
        return field;
    }

    public void focus() {
        field.requestFocus();
        field.selectAll();
    }

    private TextFormatter.Change filterEdit(TextFormatter.Change change) {
        if (writingField || !change.isContentChange()) {
            return change;
        }
        boolean pasted = change.getText().length() > 1;
        QueryBarViewModel.Edit edit = model.edit(change.getControlNewText(), change.getCaretPosition(), pasted);
        if (!edit.text().equals(change.getControlNewText())) {
            change.setRange(0, change.getControlText().length());
            change.setText(edit.text());
            change.selectRange(edit.caret(), edit.caret());
        }
        return change;
    }

    private void onKey(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.BACK_SPACE && field.getCaretPosition() == 0 && field.getSelection().getLength() == 0) {
            if (model.removeLastChip()) {
                e.consume();
            }
        } else if (code == KeyCode.DOWN || code == KeyCode.UP) {
            if (popup.isShowing()) {
                popup.move(code == KeyCode.DOWN ? 1 : -1);
            } else {
                suggest();
            }
            e.consume();
        } else if (code == KeyCode.SPACE && e.isControlDown()) {
            suggest();
            e.consume();
        } else if (code == KeyCode.ENTER) {
            if (popup.isShowing() && popup.selected() != null) {
                choose(popup.selected());
            } else {
                popup.hide();
                model.commit();
            }
            e.consume();
        } else if (code == KeyCode.TAB && popup.isShowing()) {
            Completion chosen = popup.selected() != null ? popup.selected() : popup.first();
            if (chosen != null) {
                choose(chosen);
            }
            e.consume();
        } else if (code == KeyCode.ESCAPE && popup.isShowing()) {
            popup.hide();
            e.consume();
        }
    }

    private void suggest() {
        popup.show(field, model.suggestions(field.getCaretPosition()));
    }

    private void choose(Completion completion) {
        int caret = model.choose(completion, field.getCaretPosition());
        writeField(model.textProperty().get(), caret);
        field.requestFocus();
        if (completion.kind() == Completion.Kind.QUALIFIER) {
            suggest();
        } else {
            popup.hide();
        }
    }

    private void clear() {
        popup.hide();
        model.clear();
        field.requestFocus();
    }

    private void writeField(String text, int caret) {
        writingField = true;
        try {
            if (!text.equals(field.getText())) {
                field.setText(text);
            }
            field.positionCaret(Math.min(caret, text.length()));
        } finally {
            writingField = false;
        }
    }

    private void showChips() {
        chipBox.getChildren().setAll(model.chips().stream().map(this::chipNode).toList());
    }

    private HBox chipNode(QueryChip chip) {
        Label label = new Label(chip.label());
        Button remove = Icons.iconButton(MaterialDesignC.CLOSE, "Remove " + chip.label(), () -> {
            model.removeChip(chip);
            field.requestFocus();
        });
        remove.getStyleClass().add("chip-remove");
        HBox node = new HBox(label, remove);
        node.getStyleClass().add("chip-removable");
        node.setAlignment(Pos.CENTER_LEFT);
        node.setMinWidth(HBox.USE_PREF_SIZE);
        node.getProperties().put(QueryChip.class, chip);
        Tooltip.install(node, new Tooltip(chip.qualifier() == Qualifier.TAG
                ? "Devices tagged " + chip.value() : "Devices whose " + chip.qualifier().noun() + " is " + chip.value()));
        return node;
    }
}
