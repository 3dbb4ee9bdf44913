package org.fleetdesk.ui.artefacts;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.fleetdesk.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The Artefacts screen: name-prefix search, the list (URI, short checksum with copy, rollouts that used it), create, delete. */
public final class ArtefactsView {
    private final ArtefactsViewModel model;
    private final BorderPane root = new BorderPane();
    private final TextField search = new TextField();
    private final TableView<ArtefactRow> table = new TableView<>();

    public ArtefactsView(ArtefactsViewModel model) {
        this.model = model;
        search.setPromptText("Name starts with…");
        search.setId("artefact-search");
        search.textProperty().bindBidirectional(model.searchProperty());
        Label title = new Label("Artefacts");
        title.getStyleClass().add("screen-title");
        Button create = new Button("New artefact", Icons.icon(MaterialDesignP.PLUS));
        create.setId("new-artefact");
        create.setOnAction(e -> NewArtefactDialog.show(root.getScene().getWindow(), model.session(), model::added));
        create.disableProperty().bind(model.session().writableProperty().not());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(18, 18);
        loading.visibleProperty().bind(model.loadingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(title, search, loading, spacer,
                Icons.iconButton(MaterialDesignR.REFRESH, "Refresh", model::refresh), create);
        header.getStyleClass().add("screen-header");
        HBox.setHgrow(search, Priority.SOMETIMES);

        table.getColumns().add(column("Name", 180, row -> row.artefact().name()));
        table.getColumns().add(column("URI", 320, row -> row.artefact().uri()));
        table.getColumns().add(checksumColumn());
        table.getColumns().add(column("Used by", 200, ArtefactRow::usedBy));
        table.getColumns().add(deleteColumn());
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No artefacts yet: create one to deploy it."));
        table.setId("artefacts-table");

        Label status = new Label();
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(Bindings.isNotEmpty(model.errorProperty()));
        VBox footer = new VBox(4, error, status);
        footer.setPadding(new Insets(6, 16, 8, 16));

        root.getStylesheets().add(ArtefactsView.class.getResource("artefacts.css").toExternalForm());
        root.setTop(header);
        root.setCenter(table);
        root.setBottom(footer);
        BorderPane.setMargin(table, new Insets(0, 16, 0, 16));
    }

    public Node node() {
        return root;
    }

    public void focusSearch() {
        search.requestFocus();
    }

    private static TableColumn<ArtefactRow, String> column(String name, double width,
                                                         java.util.function.Function<ArtefactRow, String> value) {
        TableColumn<ArtefactRow, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static TableColumn<ArtefactRow, ArtefactRow> checksumColumn() {
        TableColumn<ArtefactRow, ArtefactRow> column = new TableColumn<>("Checksum (SHA-256)");
        column.setPrefWidth(190);
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ArtefactRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                Label text = new Label(row.shortChecksum());
                text.getStyleClass().add("monospace");
                Button copy = Icons.iconButton(MaterialDesignC.CONTENT_COPY, "Copy the whole checksum", () -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(row.artefact().checksum());
                    Clipboard.getSystemClipboard().setContent(content);
                });
                HBox box = new HBox(4, text, copy);
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                setGraphic(box);
            }
        });
        return column;
    }

    private TableColumn<ArtefactRow, ArtefactRow> deleteColumn() {
        TableColumn<ArtefactRow, ArtefactRow> column = new TableColumn<>("");
        column.setPrefWidth(50);
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ArtefactRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                Button delete = Icons.iconButton(MaterialDesignD.DELETE_OUTLINE, "Delete " + row.artefact().name(),
                        () -> model.delete(row));
                delete.disableProperty().bind(model.session().writableProperty().not());
                setGraphic(delete);
            }
        });
        return column;
    }
}
