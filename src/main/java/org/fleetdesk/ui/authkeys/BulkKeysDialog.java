package org.fleetdesk.ui.authkeys;

import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.Validation;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.provision.BatchRunView;
import org.fleetdesk.ui.provision.Dialogs;
import org.fleetdesk.ui.provision.TagChipEditor;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * "Create in bulk": names from a pattern or a list, their preview, the run with a progress bar and each name's
 * outcome; when it ends, the secrets open in the one-time view. The dialog cannot be closed while keys are created.
 */
final class BulkKeysDialog {
    private final BulkKeysViewModel model;
    private final Node owner;
    private final Dialog<ButtonType> dialog;

    BulkKeysDialog(AuthKeysViewModel screen, Node owner) {
        this.model = screen.newBulk();
        this.owner = owner;
        this.dialog = Dialogs.create(owner, "Create auth keys in bulk");
        dialog.setHeaderText("One key per device, named and described after it. " + CreateKeyForm.EXPIRY_HINT);
        BatchRunView.lockWhileRunning(dialog, model.batch());
        dialog.getDialogPane().setContent(content(screen));
        Dialogs.size(dialog, 900, 720);
        model.batch().runningProperty().addListener((obs, was, running) -> {
            if (was && !running) {
                showSecrets();
            }
        });
    }

    void show() {
        dialog.show();
    }

    private Node content(AuthKeysViewModel screen) {
        ComboBox<BulkKeysViewModel.Source> source = new ComboBox<>();
        source.getItems().setAll(BulkKeysViewModel.Source.values());
        source.valueProperty().bindBidirectional(model.sourceProperty());
        TextArea names = new TextArea();
        names.setId("bulk-names");
        names.setPrefRowCount(5);
        names.promptTextProperty().bind(Bindings.when(model.sourceProperty().isEqualTo(BulkKeysViewModel.Source.PATTERN))
                .then("pi5-{001..250}").otherwise("One name per line, or CSV rows name,tags (tags separated by spaces)"));
        names.textProperty().bindBidirectional(model.namesProperty());
        Button load = new Button("Load a list…", Icons.icon(MaterialDesignF.FILE_IMPORT));
        load.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("A list of device names (text or CSV)");
            File file = chooser.showOpenDialog(dialog.getOwner());
            if (file != null) {
                model.loadFile(file.toPath());
            }
        });
        Spinner<Integer> ttl = new Spinner<>(Validation.MIN_TTL_DAYS, Validation.MAX_TTL_DAYS, 1);
        ttl.setEditable(true);
        ttl.valueProperty().addListener((obs, old, now) -> model.ttlDaysProperty().set(now == null ? 1 : now));
        GridPane form = Dialogs.form();
        form.addRow(0, new Label("Names"), new HBox(8, source, load));
        form.add(names, 1, 1);
        form.addRow(2, new Label("Expires after (days)"), ttl);
        form.addRow(3, new Label("Tags for every key"), new TagChipEditor(model.tags()));
        GridPane.setHgrow(names, Priority.ALWAYS);

        ListView<String> preview = new ListView<>(model.preview());
        preview.setId("bulk-preview");
        preview.setPrefHeight(120);
        preview.setMinHeight(90);
        Label count = new Label();
        count.textProperty().bind(Bindings.size(model.preview()).asString("Preview: %d names"));
        Label problem = Dialogs.text("", "form-error");
        problem.textProperty().bind(model.problemProperty());

        Button start = new Button("Create keys", Icons.icon(MaterialDesignP.PLAY));
        start.setId("bulk-start");
        start.disableProperty().bind(Bindings.isEmpty(model.preview()).or(model.batch().runningProperty())
                .or(screen.session().writableProperty().not()));
        start.setOnAction(e -> model.start());
        return new VBox(10, form, count, preview, problem,
                BatchRunView.of(model.batch(), start, "Stop after the keys in progress", "Key ID", AuthKey::id));
    }

    private void showSecrets() {
        List<AuthKey> created = model.takeCreated();
        if (!created.isEmpty()) {
            new SecretsDialog(new SecretsViewModel(model.executor(), created), owner).show();
        }
    }
}
