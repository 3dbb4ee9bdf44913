package org.fleetdesk.ui.artefacts;

import java.io.File;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.common.Theme;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** The "new artefact" window: name, https URI, checksum typed, computed from a file or fetched beside the image. */
public final class NewArtefactDialog {
    private final NewArtefactViewModel model;
    private final Stage stage = new Stage();

    private NewArtefactDialog(Window owner, NewArtefactViewModel model, Consumer<Artefact> created) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("New artefact");

        TextField name = field(model.nameProperty(), "kiosk-v2.1", "artefact-name");
        TextField uri = field(model.uriProperty(), "https://example.com/images/kiosk-v2.1.img", "artefact-uri");
        TextField checksum = field(model.checksumProperty(), "64 hexadecimal digits", "artefact-checksum");
        checksum.getStyleClass().add("monospace");
        Button fromFile = new Button("From file…", Icons.icon(MaterialDesignF.FILE_OUTLINE));
        fromFile.setOnAction(e -> chooseFile());
        Button fetch = new Button("Fetch .sha256", Icons.icon(MaterialDesignD.DOWNLOAD));
        fetch.setOnAction(e -> model.fetchChecksum());
        fetch.disableProperty().bind(Bindings.isNotEmpty(model.uriErrorProperty()).or(model.uriProperty().isEmpty()));
        fromFile.disableProperty().bind(model.busyProperty());
        HBox checksumRow = new HBox(6, checksum, fromFile, fetch);
        HBox.setHgrow(checksum, Priority.ALWAYS);

        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label progressText = new Label();
        progressText.textProperty().bind(model.progressTextProperty());
        Button cancelChecksum = new Button("Cancel");
        cancelChecksum.setOnAction(e -> model.cancel());
        HBox progressRow = new HBox(6, progress, cancelChecksum);
        HBox.setHgrow(progress, Priority.ALWAYS);
        VBox working = new VBox(4, progressText, progressRow);
        working.visibleProperty().bind(model.busyProperty().and(model.progressTextProperty().isNotEmpty()));
        working.managedProperty().bind(working.visibleProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(4);
        addRow(form, 0, "Name", name, model.nameErrorProperty());
        addRow(form, 2, "URI", uri, model.uriErrorProperty());
        addRow(form, 4, "Checksum", checksumRow, model.checksumErrorProperty());
        GridPane.setHgrow(checksumRow, Priority.ALWAYS);

        Label error = error(model.errorProperty());
        Button create = new Button("Create");
        create.setId("create-artefact");
        create.setDefaultButton(true);
        create.disableProperty().bind(model.canCreateProperty().not());
        create.setOnAction(e -> model.create(made -> {
            created.accept(made);
            stage.close();
        }));
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            model.cancel();
            stage.close();
        });
        HBox buttons = new HBox(8, close, create);
        buttons.setStyle("-fx-alignment: center-right;");

        VBox root = new VBox(12, form, working, error, buttons);
        root.setPadding(new Insets(16));
        Scene scene = new Scene(root, 700, 380);
        scene.getStylesheets().addAll(Theme.appStylesheet(),
                NewArtefactDialog.class.getResource("artefacts.css").toExternalForm());
        stage.setScene(scene);
        stage.setOnHidden(e -> model.cancel());
    }

    /** Opens the window; {@code created} hears the artefact once the API made it. */
    public static Stage show(Window owner, Session session, Consumer<Artefact> created) {
        NewArtefactDialog dialog = new NewArtefactDialog(owner, new NewArtefactViewModel(session), created);
        dialog.stage.show();
        return dialog.stage;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("The image file to compute the checksum of");
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            model.computeChecksum(file.toPath());
        }
    }

    private static TextField field(StringProperty property, String prompt, String id) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static void addRow(GridPane form, int row, String label, javafx.scene.Node field, StringProperty problem) {
        Label name = new Label(label);
        name.setMinWidth(Region.USE_PREF_SIZE);
        form.add(name, 0, row);
        form.add(field, 1, row);
        form.add(error(problem), 1, row + 1);
        GridPane.setHgrow(field, Priority.ALWAYS);
    }

    private static Label error(StringProperty problem) {
        Label label = new Label();
        label.getStyleClass().add("form-error");
        label.textProperty().bind(problem);
        label.managedProperty().bind(Bindings.isNotEmpty(problem));
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(580);
        return label;
    }
}
