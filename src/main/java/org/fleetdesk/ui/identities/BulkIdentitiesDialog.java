package org.fleetdesk.ui.identities;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.provision.IdentityEntry;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.provision.BatchRunView;
import org.fleetdesk.ui.provision.Dialogs;
import org.fleetdesk.ui.provision.TagChipEditor;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** "Register in bulk": the source of public keys, how they are signed, the preview, the run and each row's outcome. */
final class BulkIdentitiesDialog {
    private final BulkIdentitiesViewModel model;
    private final Dialog<ButtonType> dialog;

    BulkIdentitiesDialog(IdentitiesViewModel screen, Node owner) {
        this.model = screen.newBulk();
        this.dialog = Dialogs.create(owner, "Register device identities in bulk");
        dialog.setHeaderText("A folder of <name>.pem public keys, or a CSV public_key_file,description,device_name,tags.");
        BatchRunView.lockWhileRunning(dialog, model.batch());
        dialog.getDialogPane().setContent(content(screen));
        Dialogs.size(dialog, 900, 700);
    }

    void show() {
        dialog.show();
    }

    private Node content(IdentitiesViewModel screen) {
        Label sourceName = new Label();
        sourceName.textProperty().bind(Bindings.createStringBinding(() -> model.sourceProperty().get() == null
                ? "nothing chosen" : model.sourceProperty().get().toString(), model.sourceProperty()));
        Button folder = new Button("Folder…", Icons.icon(MaterialDesignF.FOLDER_KEY));
        folder.setOnAction(e -> chooseFolder("Folder of <name>.pem public keys", true));
        Button csv = new Button("CSV…", Icons.icon(MaterialDesignF.FILE_DELIMITED));
        csv.setOnAction(e -> chooseFile("CSV public_key_file,description,device_name,tags", true));
        ComboBox<BulkIdentitiesViewModel.Signing> signing = new ComboBox<>();
        signing.getItems().setAll(BulkIdentitiesViewModel.Signing.values());
        signing.valueProperty().bindBidirectional(model.signingProperty());
        Label signerName = new Label();
        signerName.textProperty().bind(Bindings.createStringBinding(() -> model.signingSourceProperty().get() == null
                ? "nothing chosen" : model.signingSourceProperty().get().toString(), model.signingSourceProperty()));
        Button signer = new Button("Choose…");
        signer.setOnAction(e -> {
            if (model.signingProperty().get() == BulkIdentitiesViewModel.Signing.PRIVATE_KEYS) {
                chooseFolder("Folder of <name>.key.pem private keys", false);
            } else {
                chooseFile("Signatures: rows name,signature", false);
            }
        });
        Button digests = new Button("Export digests to sign on the devices…");
        digests.disableProperty().bind(Bindings.isEmpty(model.rows()));
        digests.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("digests.csv");
            File file = chooser.showSaveDialog(dialog.getOwner());
            if (file != null) {
                model.exportDigests(file.toPath());
            }
        });
        GridPane form = Dialogs.form();
        form.addRow(0, new Label("Public keys"), row(folder, csv, sourceName));
        form.addRow(1, new Label("Tags for every identity"), new TagChipEditor(model.tags()));
        form.addRow(2, new Label("Signatures"), row(signing, signer, signerName));
        form.add(digests, 1, 3);

        ListView<IdentityEntry> preview = new ListView<>(model.rows());
        preview.setPrefHeight(120);
        preview.setMinHeight(90);
        preview.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(IdentityEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.name() + " — " + entry.identity().description()
                        + (entry.identity().tags().isEmpty() ? "" : "  [" + String.join(", ", entry.identity().tags()) + "]"));
            }
        });
        Label count = new Label();
        count.textProperty().bind(Bindings.size(model.rows()).asString("Preview: %d identities"));
        Label problem = Dialogs.text("", "form-error");
        problem.textProperty().bind(model.problemProperty());
        Button start = new Button("Register", Icons.icon(MaterialDesignP.PLAY));
        start.disableProperty().bind(Bindings.isEmpty(model.rows()).or(model.batch().runningProperty())
                .or(screen.session().writableProperty().not()));
        start.setOnAction(e -> model.start());
        return new VBox(10, form, count, preview, problem, BatchRunView.of(model.batch(), start,
                "Stop after the ones in progress", "Identity ID", DeviceIdentity::id));
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void chooseFolder(String title, boolean keys) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File folder = chooser.showDialog(dialog.getOwner());
        if (folder != null) {
            (keys ? model.sourceProperty() : model.signingSourceProperty()).set(folder.toPath());
        }
    }

    private void chooseFile(String title, boolean keys) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"));
        File file = chooser.showOpenDialog(dialog.getOwner());
        if (file != null) {
            (keys ? model.sourceProperty() : model.signingSourceProperty()).set(file.toPath());
        }
    }
}
