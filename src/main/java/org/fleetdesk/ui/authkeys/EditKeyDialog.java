package org.fleetdesk.ui.authkeys;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.AuthKeyUpdate;
import org.fleetdesk.ui.provision.Dialogs;
import org.fleetdesk.ui.provision.TagChipEditor;
import org.fleetdesk.ui.provision.TimeText;

/**
 * Shows one auth key and edits its description, device name and tags. The server refuses changes once the key has
 * expired or been exchanged; the form says so and shows the server's reason if it is tried anyway.
 */
final class EditKeyDialog {
    private final AuthKeysViewModel model;
    private final AuthKey key;
    private final Dialog<ButtonType> dialog;
    private final TextField description = new TextField();
    private final TextField deviceName = new TextField();
    private final ObservableList<String> tags;
    private final Label error = Dialogs.text("", "form-error");

    EditKeyDialog(AuthKeysViewModel model, AuthKey key, Node owner) {
        this.model = model;
        this.key = key;
        this.tags = FXCollections.observableArrayList(key.tags());
        this.dialog = Dialogs.withSave(owner, "Auth key " + key.description(), content(), "save-key",
                model.session().writableProperty().not(), this::send);
    }

    void show() {
        dialog.show();
    }

    private Node content() {
        description.setText(key.description());
        description.setId("edit-description");
        deviceName.setText(key.deviceName() == null ? "" : key.deviceName());
        GridPane grid = Dialogs.form();
        grid.addRow(0, new Label("ID"), selectable(key.id()));
        grid.addRow(1, new Label("State"), new Label(model.stateOf(key).name().toLowerCase(java.util.Locale.ROOT)));
        grid.addRow(2, new Label("Created"), new Label(TimeText.absolute(key.createdAt())));
        grid.addRow(3, new Label("Expires"), new Label(TimeText.relativeAndAbsolute(key.expiresAt(), model.now())));
        grid.addRow(4, new Label("Exchanged"), new Label(key.exchangedAt() == null ? "not yet"
                : TimeText.absolute(key.exchangedAt())));
        grid.addRow(5, new Label("Description"), description);
        grid.addRow(6, new Label("Device name"), deviceName);
        grid.addRow(7, new Label("Tags"), new TagChipEditor(tags));
        VBox box = new VBox(10, grid);
        if (model.stateOf(key) != AuthKey.State.USABLE) {
            box.getChildren().add(Dialogs.text("This key has " + (model.stateOf(key) == AuthKey.State.EXPIRED
                    ? "expired" : "been exchanged") + ": the server no longer accepts changes to it.", "muted"));
        }
        box.getChildren().add(error);
        return box;
    }

    private void send(Runnable close) {
        String name = deviceName.getText().strip();
        String newName = name.isEmpty() ? (key.deviceName() == null ? null : "") : name;
        AuthKeyUpdate update = new AuthKeyUpdate(description.getText().strip(), newName, List.copyOf(tags));
        error.setText("");
        model.update(key.id(), update, close, error::setText);
    }

    private static TextField selectable(String text) {
        TextField field = new TextField(text);
        field.setEditable(false);
        field.getStyleClass().add("secret-field");
        return field;
    }
}
