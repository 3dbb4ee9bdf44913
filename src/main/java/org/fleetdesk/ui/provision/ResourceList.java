package org.fleetdesk.ui.provision;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
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
import org.fleetdesk.ui.common.Icons;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The layout the provisioning lists share: a header (title, filters, the screen's actions, Delete, Refresh), a
 * multi-selection table whose rows open on double click, and a status line under it.
 */
public final class ResourceList<T> {
    private final TableView<T> table = new TableView<>();
    private final ObservableBooleanValue readOnly;
    private final List<Node> filters = new ArrayList<>();
    private final List<Button> actions = new ArrayList<>();

    /** {@code readOnly}: true while the organisation cannot be changed (offline, token refused). */
    public ResourceList(String tableId, ObservableList<T> items, String placeholder, ObservableBooleanValue readOnly) {
        this.readOnly = readOnly;
        table.setId(tableId);
        table.setItems(items);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(placeholder));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    public TableView<T> table() {
        return table;
    }

    public List<T> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    public ResourceList<T> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        table.getColumns().add(column);
        return this;
    }

    /** A control shown right of the title, such as a filter. */
    public ResourceList<T> filter(Node control) {
        filters.add(control);
        return this;
    }

    /** An action that changes the organisation: disabled while read-only. The first one is the accent button. */
    public Button change(String text, Ikon icon, Runnable action) {
        Button button = button(text, icon, readOnly, action);
        if (actions.isEmpty()) {
            button.getStyleClass().add(Styles.ACCENT);
        }
        actions.add(button);
        return button;
    }

    /** "Show / edit": enabled with a selection, also in read-only mode; a double click on a row does the same. */
    public void opens(Ikon icon, Consumer<T> open) {
        actions.add(button("Show / edit", icon, noSelection(), () -> {
            T item = table.getSelectionModel().getSelectedItem();
            if (item != null) {
                open.accept(item);
            }
        }));
        table.setRowFactory(t -> {
            TableRow<T> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
    }

    /** Delete for the selected rows (after {@code confirmAndDelete} asked). */
    public void deletes(Consumer<List<T>> confirmAndDelete) {
        Button delete = button("Delete", MaterialDesignD.DELETE, Bindings.or(readOnly, noSelection()),
                () -> confirmAndDelete.accept(selected()));
        delete.getStyleClass().add(Styles.DANGER);
        actions.add(delete);
    }

    public Node layout(String title, ReadOnlyStringProperty status, String statusId, Runnable refresh) {
        Label heading = new Label(title);
        heading.getStyleClass().add("screen-title");
        Button refreshButton = Icons.iconButton(MaterialDesignR.REFRESH, "Refresh from the API", refresh);
        refreshButton.disableProperty().bind(readOnly);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, heading);
        header.getChildren().addAll(filters);
        header.getChildren().add(spacer);
        header.getChildren().addAll(actions);
        header.getChildren().add(refreshButton);
        header.getStyleClass().add("screen-header");

        Label statusLine = new Label();
        statusLine.setId(statusId);
        statusLine.setWrapText(true);
        statusLine.getStyleClass().add("muted");
        statusLine.textProperty().bind(status);
        HBox footer = new HBox(statusLine);
        footer.setPadding(new Insets(6, 16, 8, 16));
        BorderPane pane = new BorderPane(table);
        pane.setTop(header);
        BorderPane.setMargin(table, new Insets(0, 16, 0, 16));
        pane.setBottom(footer);
        return pane;
    }

    private BooleanBinding noSelection() {
        return Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
    }

    private static Button button(String text, Ikon icon, ObservableBooleanValue disabled, Runnable action) {
        Button button = new Button(text, Icons.icon(icon));
        button.disableProperty().bind(disabled);
        button.setOnAction(e -> action.run());
        return button;
    }
}
