package org.fleetdesk.ui.identities;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.provision.Dialogs;
import org.fleetdesk.ui.provision.TagChipEditor;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;

/**
 * "Register a device identity": the device's public key and what the device will be called, then its signature —
 * made on the device over the digest shown here (the token never leaves the workstation), or here with the device's
 * private key, which is read into memory and never stored.
 */
final class RegisterIdentityDialog {
    private final RegisterIdentityForm form;
    private final Dialog<ButtonType> dialog;
    private final Label error = Dialogs.text("", "form-error");

    RegisterIdentityDialog(IdentitiesViewModel model, Node owner) {
        this.form = model.newRegistration();
        this.dialog = Dialogs.create(owner, "Register a device identity");
        dialog.setHeaderText("A device identity lets a device sign in with its own key pair, without a secret.");
        ButtonType register = new ButtonType("Register", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(register, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content());
        Dialogs.size(dialog, 760, 0);
        dialog.setOnHidden(e -> form.forgetPrivateKey());
        Button registerButton = (Button) dialog.getDialogPane().lookupButton(register);
        registerButton.setId("register-identity");
        registerButton.disableProperty().bind(model.session().writableProperty().not()
                .or(form.digestProperty().isEmpty()));
        registerButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            error.setText("");
            form.register(identity -> {
                dialog.setResult(ButtonType.OK);
                dialog.close();
            }, error::setText);
        });
    }

    void show() {
        dialog.show();
    }

    private Node content() {
        TextArea publicKey = new TextArea();
        publicKey.setId("identity-public-key");
        publicKey.setPromptText("-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----");
        publicKey.setPrefRowCount(4);
        publicKey.getStyleClass().add("secret-field");
        publicKey.textProperty().bindBidirectional(form.publicKeyProperty());
        Button loadPublic = new Button("Load .pem…", Icons.icon(MaterialDesignF.FILE_KEY));
        loadPublic.setOnAction(e -> choose("The device's public key", form::loadPublicKey));
        TextField description = new TextField();
        description.setId("identity-description");
        description.textProperty().bindBidirectional(form.descriptionProperty());
        TextField deviceName = new TextField();
        deviceName.setPromptText("default: the device's hostname");
        deviceName.textProperty().bindBidirectional(form.deviceNameProperty());
        GridPane grid = Dialogs.form();
        grid.addRow(0, new Label("Public key"), new VBox(4, publicKey, loadPublic));
        grid.addRow(1, new Label("Description"), description);
        grid.addRow(2, new Label("Device name"), deviceName);
        grid.addRow(3, new Label("Tags"), new TagChipEditor(form.tags()));

        ComboBox<RegisterIdentityForm.Signing> signing = new ComboBox<>();
        signing.getItems().setAll(RegisterIdentityForm.Signing.values());
        signing.valueProperty().bindBidirectional(form.signingProperty());
        grid.addRow(4, new Label("Signature"), signing);
        grid.add(onDevice(), 1, 5);
        grid.add(localKey(), 1, 6);
        form.problemProperty().addListener((obs, old, now) -> error.setText(now));
        return new VBox(10, grid, error);
    }

    private Node onDevice() {
        TextField digest = new TextField();
        digest.setId("identity-digest");
        digest.setEditable(false);
        digest.getStyleClass().add("secret-field");
        digest.textProperty().bind(form.digestProperty());
        Button copy = Icons.iconButton(MaterialDesignC.CONTENT_COPY,
                "Copy the digest", () -> copy(form.digestProperty().get()));
        TextField signature = new TextField();
        signature.setId("identity-signature");
        signature.setPromptText("Base64 DER signature from the device");
        signature.textProperty().bindBidirectional(form.signatureProperty());
        VBox box = new VBox(6, Dialogs.text("On the device, sign this SHA-256 digest (ECDSA P-256, DER, Base64) and"
                + " paste the signature. Only the digest leaves this workstation, never the token.", "muted"),
                new HBox(4, digest, copy), signature);
        digest.setPrefColumnCount(48);
        box.visibleProperty().bind(form.signingProperty().isEqualTo(RegisterIdentityForm.Signing.ON_DEVICE));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node localKey() {
        Button load = new Button("Load the private key…", Icons.icon(MaterialDesignK.KEY));
        load.setOnAction(e -> choose("The device's private key", form::loadPrivateKey));
        Label loaded = new Label();
        loaded.textProperty().bind(Bindings.when(form.privateKeyLoadedProperty())
                .then("Private key loaded: used in memory for signing, never stored.")
                .otherwise("For keys generated on this workstation."));
        loaded.getStyleClass().add("muted");
        VBox box = new VBox(6, new HBox(10, load, loaded));
        box.visibleProperty().bind(form.signingProperty().isEqualTo(RegisterIdentityForm.Signing.LOCAL_KEY));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void choose(String title, Consumer<Path> use) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PEM", "*.pem", "*.pub", "*.key"));
        File file = chooser.showOpenDialog(dialog.getOwner());
        if (file != null) {
            use.accept(file.toPath());
        }
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
