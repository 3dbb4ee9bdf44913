package org.fleetdesk.ui.identities;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.DeviceIdentityUpdate;
import org.fleetdesk.ui.provision.Dialogs;
import org.fleetdesk.ui.provision.TagChipEditor;
import org.fleetdesk.ui.provision.TimeText;

/** Shows one device identity and edits it; once it has been exchanged, the server applies only the description. */
final class EditIdentityDialog {
    static final String AFTER_EXCHANGE = "Once the identity has been exchanged for a device, only the description"
            + " is applied: the device name and tags were given to the device when it first connected.";

    private final IdentitiesViewModel model;
    private final DeviceIdentity identity;
    private final Dialog<ButtonType> dialog;
    private final TextField description = new TextField();
    private final TextField deviceName = new TextField();
    private final ObservableList<String> tags;
    private final Label error = Dialogs.text("", "form-error");

    EditIdentityDialog(IdentitiesViewModel model, DeviceIdentity identity, Node owner) {
        this.model = model;
        this.identity = identity;
        this.tags = FXCollections.observableArrayList(identity.tags());
        this.dialog = Dialogs.withSave(owner, "Device identity " + identity.description(), content(),
                "save-identity", model.session().writableProperty().not(), this::send);
    }

    void show() {
        dialog.show();
    }

    private Node content() {
        description.setText(identity.description());
        deviceName.setText(identity.deviceName() == null ? "" : identity.deviceName());
        TextArea publicKey = new TextArea(identity.publicKey());
        publicKey.setEditable(false);
        publicKey.setPrefRowCount(4);
        publicKey.getStyleClass().add("secret-field");
        GridPane grid = Dialogs.form();
        grid.addRow(0, new Label("ID"), new Label(identity.id()));
        grid.addRow(1, new Label("Created"), new Label(TimeText.absolute(identity.createdAt())));
        grid.addRow(2, new Label("Public key"), publicKey);
        grid.addRow(3, new Label("Description"), description);
        grid.addRow(4, new Label("Device name"), deviceName);
        grid.addRow(5, new Label("Tags"), new TagChipEditor(tags));
        return new VBox(10, grid, Dialogs.text(AFTER_EXCHANGE, "muted"), error);
    }

    private void send(Runnable close) {
        String name = deviceName.getText().strip();
        String newName = name.isEmpty() ? (identity.deviceName() == null ? null : "") : name;
        error.setText("");
        model.update(identity.id(), new DeviceIdentityUpdate(description.getText().strip(), newName, List.copyOf(tags)),
                close, error::setText);
    }
}
