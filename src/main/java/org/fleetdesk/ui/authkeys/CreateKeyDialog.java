package org.fleetdesk.ui.authkeys;

import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.fleetdesk.api.NewAuthKey;
import org.fleetdesk.api.Validation;
import org.fleetdesk.ui.provision.Dialogs;
import org.fleetdesk.ui.provision.TagChipEditor;

/** "New auth key": the form, then the one-time secret view once the key exists. */
final class CreateKeyDialog {
    private final AuthKeysViewModel model;
    private final CreateKeyForm form;
    private final Node owner;
    private final Dialog<ButtonType> dialog;
    private final Label error = Dialogs.text("", "form-error");

    CreateKeyDialog(AuthKeysViewModel model, Node owner) {
        this.model = model;
        this.form = model.newForm();
        this.owner = owner;
        this.dialog = Dialogs.create(owner, "New auth key");
        dialog.setHeaderText("An auth key links one device to the organisation when it first connects.");
        ButtonType create = new ButtonType("Create key", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content());
        Button createButton = (Button) dialog.getDialogPane().lookupButton(create);
        createButton.setId("create-key");
        createButton.disableProperty().bind(model.session().writableProperty().not());
        createButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            send(createButton);
        });
    }

    void show() {
        dialog.show();
    }

    private Node content() {
        TextField description = new TextField();
        description.setId("key-description");
        description.setPromptText("e.g. shop 12 kiosk");
        description.textProperty().bindBidirectional(form.descriptionProperty());
        Spinner<Integer> ttl = new Spinner<>(Validation.MIN_TTL_DAYS, Validation.MAX_TTL_DAYS, 1);
        ttl.setEditable(true);
        ttl.valueProperty().addListener((obs, old, now) -> form.ttlDaysProperty().set(now == null ? 1 : now));
        TextField deviceName = new TextField();
        deviceName.setId("key-device-name");
        deviceName.setPromptText("default: the device's hostname");
        deviceName.textProperty().bindBidirectional(form.deviceNameProperty());
        GridPane grid = Dialogs.form();
        grid.addRow(0, new Label("Description"), description);
        grid.addRow(1, new Label("Expires after (days)"), ttl);
        grid.add(Dialogs.text(CreateKeyForm.EXPIRY_HINT, "muted"), 1, 2);
        grid.addRow(3, new Label("Device name"), deviceName);
        grid.addRow(4, new Label("Tags"), new TagChipEditor(form.tags()));
        error.textProperty().bind(form.problemProperty());
        return new VBox(10, grid, error);
    }

    private void send(Button createButton) {
        NewAuthKey key = form.request();
        if (key == null) {
            return;
        }
        createButton.disableProperty().unbind();
        createButton.setDisable(true);
        error.textProperty().unbind();
        error.setText("");
        model.create(key, created -> {
            dialog.setResult(ButtonType.OK);
            dialog.close();
            new SecretsDialog(model.secrets(List.of(created)), owner).show();
        }, message -> {
            error.setText(message);
            createButton.setDisable(false);
        });
    }
}
