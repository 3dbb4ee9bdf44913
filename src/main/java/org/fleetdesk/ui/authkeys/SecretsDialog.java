package org.fleetdesk.ui.authkeys;

import atlantafx.base.theme.Styles;
import java.io.File;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.provision.Dialogs;
import org.fleetdesk.ui.provision.TimeText;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;

/**
 * The one-time view of new secrets: each with a copy button (the clipboard is cleared after 60 s if it still holds
 * it), saving as {@code .key} files or CSV, and where the file goes on the device. Closing it forgets the secrets.
 */
final class SecretsDialog {
    private final SecretsViewModel model;
    private final Dialog<ButtonType> dialog;

    SecretsDialog(SecretsViewModel model, Node owner) {
        this.model = model;
        this.dialog = Dialogs.create(owner, "New auth key secrets");
        dialog.setHeaderText(model.keys().size() == 1 ? "Copy or save the secret now: it is shown only once."
                : "Copy or save these " + model.keys().size() + " secrets now: they are shown only once.");
        dialog.setGraphic(Icons.icon(MaterialDesignK.KEY_VARIANT, 28));
        dialog.getDialogPane().getButtonTypes().add(new ButtonType("I have saved them — close",
                ButtonType.CLOSE.getButtonData()));
        dialog.getDialogPane().setContent(content());
        Dialogs.size(dialog, 760, 0);
        dialog.setOnHidden(e -> model.forget());
    }

    void show() {
        dialog.show();
    }

    private Node content() {
        TableView<AuthKey> table = new TableView<>(model.keys());
        table.setId("secrets-table");
        table.setPrefHeight(Math.min(320, 60 + 34.0 * model.keys().size()));
        table.getColumns().add(text("Name", 140, SecretsViewModel::fileName));
        table.getColumns().add(secretColumn());
        table.getColumns().add(text("Expires", 200, k -> TimeText.absolute(k.expiresAt())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        CheckBox number = new CheckBox("Keep existing files (write \"name (2).key\")");
        Button files = new Button("Save as .key files…", Icons.icon(MaterialDesignF.FOLDER_KEY));
        files.setId("save-key-files");
        files.getStyleClass().add(Styles.ACCENT);
        files.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the .key files");
            File folder = chooser.showDialog(dialog.getOwner());
            if (folder != null) {
                model.saveKeyFiles(folder.toPath(), number.isSelected());
            }
        });
        Button csv = new Button("Save as CSV…", Icons.icon(MaterialDesignF.FILE_DELIMITED));
        csv.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the secrets as CSV");
            chooser.setInitialFileName("auth-keys.csv");
            File file = chooser.showSaveDialog(dialog.getOwner());
            if (file != null) {
                model.saveCsv(file.toPath());
            }
        });
        Label status = new Label();
        status.setWrapText(true);
        status.setId("secrets-status");
        status.textProperty().bind(model.statusProperty());
        Label reminder = Dialogs.text(SecretsViewModel.REMINDER, "muted");
        return new VBox(10, table, new HBox(10, files, number, csv), status, reminder);
    }

    private TableColumn<AuthKey, AuthKey> secretColumn() {
        TableColumn<AuthKey, AuthKey> column = new TableColumn<>("Secret");
        column.setPrefWidth(380);
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(AuthKey key, boolean empty) {
                super.updateItem(key, empty);
                if (empty || key == null) {
                    setGraphic(null);
                    return;
                }
                TextField secret = new TextField(key.secret());
                secret.setEditable(false);
                secret.getStyleClass().add("secret-field");
                secret.setPrefColumnCount(30);
                Button copy = Icons.iconButton(MaterialDesignC.CONTENT_COPY, "Copy the secret (cleared from the"
                        + " clipboard after 60 s)", () -> ClipboardGuard.copy(key.secret()));
                HBox box = new HBox(4, secret, copy);
                box.setAlignment(Pos.CENTER_LEFT);
                setGraphic(box);
            }
        });
        return column;
    }

    private static TableColumn<AuthKey, String> text(String title, double width,
                                                     java.util.function.Function<AuthKey, String> value) {
        TableColumn<AuthKey, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
