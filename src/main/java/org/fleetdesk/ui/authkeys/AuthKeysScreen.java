package org.fleetdesk.ui.authkeys;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.common.Screen;
import org.fleetdesk.ui.provision.Dialogs;
import org.fleetdesk.ui.provision.TimeText;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The Auth keys screen: the list with state and expiry, filter by state, create one or many, edit, delete. */
public final class AuthKeysScreen implements Screen {
    private final AuthKeysViewModel model;
    private final TableView<AuthKey> table = new TableView<>();
    private Node view;

    public AuthKeysScreen(AuthKeysViewModel model) {
        this.model = model;
    }

    @Override
    public String title() {
        return "Auth keys";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignK.KEY_VARIANT;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    @Override
    public void onShown() {
        model.reload();
        table.requestFocus();
    }

    private Node build() {
        Label title = new Label("Auth keys");
        title.getStyleClass().add("screen-title");
        ComboBox<AuthKeysViewModel.StateFilter> filter = new ComboBox<>();
        filter.getItems().setAll(AuthKeysViewModel.StateFilter.values());
        filter.valueProperty().bindBidirectional(model.filterProperty());
        BooleanBinding readOnly = model.session().writableProperty().not();
        BooleanBinding none = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        Button create = button("New key", MaterialDesignP.PLUS, readOnly, this::createOne);
        create.setId("new-key");
        create.getStyleClass().add(Styles.ACCENT);
        Button bulk = button("Create in bulk", MaterialDesignK.KEY_CHAIN, readOnly, this::createMany);
        bulk.setId("bulk-keys");
        Button edit = button("Show / edit", MaterialDesignK.KEY_CHANGE, none, this::editSelected);
        Button delete = button("Delete", MaterialDesignD.DELETE, readOnly.or(none), this::deleteSelected);
        delete.getStyleClass().add(Styles.DANGER);
        Button refresh = Icons.iconButton(MaterialDesignR.REFRESH, "Refresh from the API", model::refresh);
        refresh.disableProperty().bind(readOnly);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, filter, spacer, create, bulk, edit, delete, refresh);
        header.getStyleClass().add("screen-header");

        table.setId("auth-keys-table");
        table.setItems(model.keys());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No auth keys: create one for each device before it first powers on."));
        table.getColumns().add(column("State", 90, k -> model.stateOf(k).name().toLowerCase(java.util.Locale.ROOT)));
        table.getColumns().add(column("Description", 200, AuthKey::description));
        table.getColumns().add(column("Device name", 130, AuthKey::deviceName));
        table.getColumns().add(column("Tags", 150, k -> String.join(", ", k.tags())));
        table.getColumns().add(column("Expires", 210, k -> TimeText.relativeAndAbsolute(k.expiresAt(), model.now())));
        table.getColumns().add(column("Created", 130, k -> TimeText.absolute(k.createdAt())));
        table.getColumns().add(column("Exchanged", 130, k -> TimeText.absolute(k.exchangedAt())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<AuthKey> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    new EditKeyDialog(model, row.getItem(), table).show();
                }
            });
            return row;
        });

        Label status = new Label();
        status.setId("auth-keys-status");
        status.setWrapText(true);
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        BorderPane pane = new BorderPane(table);
        pane.setTop(header);
        BorderPane.setMargin(table, new Insets(0, 16, 0, 16));
        HBox footer = new HBox(status);
        footer.setPadding(new Insets(6, 16, 8, 16));
        pane.setBottom(footer);
        return pane;
    }

    private void createOne() {
        new CreateKeyDialog(model, table).show();
    }

    private void createMany() {
        new BulkKeysDialog(model, table).show();
    }

    private void editSelected() {
        AuthKey key = table.getSelectionModel().getSelectedItem();
        if (key != null) {
            new EditKeyDialog(model, key, table).show();
        }
    }

    private void deleteSelected() {
        List<AuthKey> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
        String what = chosen.size() == 1 ? "the auth key \"" + chosen.get(0).description() + "\""
                : chosen.size() + " auth keys";
        Dialogs.confirm(table, "Delete auth keys", "Delete " + what + "? A device already linked with a key stays"
                + " linked; a device that has not used its key yet can no longer use it.", "Delete",
                () -> model.delete(chosen));
    }

    private static Button button(String text, Ikon icon, javafx.beans.value.ObservableBooleanValue disabled,
                                 Runnable action) {
        Button button = new Button(text, Icons.icon(icon));
        button.disableProperty().bind(disabled);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static TableColumn<AuthKey, String> column(String title, double width, Function<AuthKey, String> value) {
        TableColumn<AuthKey, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
