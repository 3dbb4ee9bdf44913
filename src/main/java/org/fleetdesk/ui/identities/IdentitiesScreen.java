package org.fleetdesk.ui.identities;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.common.Screen;
import org.fleetdesk.ui.provision.Dialogs;
import org.fleetdesk.ui.provision.TimeText;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The Device identities screen: the list sorted by description, register one or many, edit, delete. */
public final class IdentitiesScreen implements Screen {
    private final IdentitiesViewModel model;
    private final TableView<DeviceIdentity> table = new TableView<>();
    private Node view;

    public IdentitiesScreen(IdentitiesViewModel model) {
        this.model = model;
    }

    @Override
    public String title() {
        return "Device identities";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignC.CERTIFICATE;
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
        Label title = new Label("Device identities");
        title.getStyleClass().add("screen-title");
        BooleanBinding readOnly = model.session().writableProperty().not();
        BooleanBinding none = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        Button register = button("Register", MaterialDesignP.PLUS, readOnly,
                () -> new RegisterIdentityDialog(model, table).show());
        register.setId("register-identity-open");
        register.getStyleClass().add(Styles.ACCENT);
        Button bulk = button("Register in bulk", MaterialDesignF.FOLDER_KEY, readOnly,
                () -> new BulkIdentitiesDialog(model, table).show());
        Button edit = button("Show / edit", MaterialDesignC.CERTIFICATE_OUTLINE, none, this::editSelected);
        Button delete = button("Delete", MaterialDesignD.DELETE, readOnly.or(none), this::deleteSelected);
        delete.getStyleClass().add(Styles.DANGER);
        Button refresh = Icons.iconButton(MaterialDesignR.REFRESH, "Refresh from the API", model::refresh);
        refresh.disableProperty().bind(readOnly);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, register, bulk, edit, delete, refresh);
        header.getStyleClass().add("screen-header");

        table.setId("identities-table");
        table.setItems(model.identities());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No device identities: register a device's public key before it first connects."));
        table.getColumns().add(column("Description", 240, DeviceIdentity::description));
        table.getColumns().add(column("Device name", 160, DeviceIdentity::deviceName));
        table.getColumns().add(column("Tags", 200, i -> String.join(", ", i.tags())));
        table.getColumns().add(column("Created", 150, i -> TimeText.absolute(i.createdAt())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<DeviceIdentity> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    new EditIdentityDialog(model, row.getItem(), table).show();
                }
            });
            return row;
        });
        Label status = new Label();
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

    private void editSelected() {
        DeviceIdentity identity = table.getSelectionModel().getSelectedItem();
        if (identity != null) {
            new EditIdentityDialog(model, identity, table).show();
        }
    }

    private void deleteSelected() {
        List<DeviceIdentity> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
        String what = chosen.size() == 1 ? "the device identity \"" + chosen.get(0).description() + "\""
                : chosen.size() + " device identities";
        Dialogs.confirm(table, "Delete device identities", "Delete " + what + "? If an identity has been exchanged,"
                + " the device it became is deleted too and signed out of Raspberry Pi Connect.", "Delete",
                () -> model.delete(chosen));
    }

    private static Button button(String text, Ikon icon, ObservableBooleanValue disabled, Runnable action) {
        Button button = new Button(text, Icons.icon(icon));
        button.disableProperty().bind(disabled);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static TableColumn<DeviceIdentity, String> column(String title, double width,
                                                            Function<DeviceIdentity, String> value) {
        TableColumn<DeviceIdentity, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
