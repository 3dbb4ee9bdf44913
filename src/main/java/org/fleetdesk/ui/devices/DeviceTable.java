package org.fleetdesk.ui.devices;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.fleetdesk.api.Device;
import org.fleetdesk.export.DeviceColumn;

/**
 * The device list: a virtualised table (fixed row height, so 100,000 rows scroll smoothly) whose items are the view
 * model's result list as is. Sorting a column asks for a new order instead of sorting the items here. Tags are
 * chips; clicking one adds it as a filter. Columns can be hidden (the menu at the top right) and dragged into another
 * order; {@link ColumnLayout} remembers both, and the widths.
 */
public final class DeviceTable {
    static final String UNKNOWN_OLD_CLIENT = "unknown (client < 2.9.0)";
    private static final int MAX_RESELECTED = 1000;

    private final TableView<Device> table = new TableView<>();
    private final Map<DeviceColumn, TableColumn<Device, ?>> columns = new EnumMap<>(DeviceColumn.class);
    private Consumer<TableSort> onSort = sort -> { };

    public DeviceTable(Consumer<String> onTagClicked) {
        table.setId("device-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setFixedCellSize(30);
        table.setTableMenuButtonVisible(true);
        table.setPlaceholder(new Label("No devices match the search."));
        for (DeviceColumn column : DeviceColumn.values()) {
            TableColumn<Device, ?> tableColumn = column == DeviceColumn.TAGS ? tagsColumn(onTagClicked) : textColumn(column);
            tableColumn.setId("column-" + column.key());
            tableColumn.setUserData(column);
            tableColumn.setPrefWidth(defaultWidth(column));
            columns.put(column, tableColumn);
            table.getColumns().add(tableColumn);
        }
        table.setSortPolicy(view -> {
            onSort.accept(currentSort());
            return true;
        });
    }

    public TableView<Device> view() {
        return table;
    }

    /** Called with the new order whenever the user sorts by a column (or removes the sort). */
    public void setOnSort(Consumer<TableSort> onSort) {
        this.onSort = onSort;
    }

    /** Shows {@code devices} (not copied), keeping the selected devices selected when they are still there. */
    public void setDevices(List<Device> devices) {
        List<Device> selected = table.getSelectionModel().getSelectedItems();
        Set<String> selectedIds = new HashSet<>();
        if (selected.size() <= MAX_RESELECTED) {
            selected.forEach(device -> selectedIds.add(device.id()));
        }
        Device focused = table.getSelectionModel().getSelectedItem();
        ObservableList<Device> items = devices instanceof ObservableList<Device> observable ? observable
                : FXCollections.observableList(devices);
        table.setItems(items);
        if (!selectedIds.isEmpty()) {
            reselect(devices, selectedIds, focused == null ? null : focused.id());
        }
    }

    private void reselect(List<Device> devices, Set<String> ids, String focusedId) {
        List<Integer> indices = new ArrayList<>();
        int focusedIndex = -1;
        for (int i = 0; i < devices.size() && indices.size() < ids.size(); i++) {
            String id = devices.get(i).id();
            if (ids.contains(id)) {
                indices.add(i);
                if (id.equals(focusedId)) {
                    focusedIndex = i;
                }
            }
        }
        for (int index : indices) {
            if (index != focusedIndex) {
                table.getSelectionModel().select(index);
            }
        }
        if (focusedIndex >= 0) {
            table.getSelectionModel().select(focusedIndex);
        }
    }

    public ObservableList<Device> selectedDevices() {
        return table.getSelectionModel().getSelectedItems();
    }

    /** The visible columns, in the order they are shown. */
    public List<DeviceColumn> visibleColumns() {
        return table.getVisibleLeafColumns().stream().map(c -> (DeviceColumn) c.getUserData()).toList();
    }

    TableColumn<Device, ?> column(DeviceColumn column) {
        return columns.get(column);
    }

    /** Puts the columns in {@code order} (columns it leaves out keep their place after it). */
    void arrange(List<DeviceColumn> order) {
        List<TableColumn<Device, ?>> arranged = new ArrayList<>();
        order.forEach(c -> arranged.add(columns.get(c)));
        table.getColumns().stream().filter(c -> !arranged.contains(c)).forEach(arranged::add);
        table.getColumns().setAll(arranged);
    }

    /** Listens to every change of the layout: order, visibility, width. */
    void onLayoutChange(Runnable listener) {
        table.getColumns().addListener((ListChangeListener<TableColumn<Device, ?>>) change -> listener.run());
        columns.values().forEach(c -> {
            c.visibleProperty().addListener((obs, old, now) -> listener.run());
            c.widthProperty().addListener((obs, old, now) -> listener.run());
        });
    }

    List<DeviceColumn> order() {
        return table.getColumns().stream().map(c -> (DeviceColumn) c.getUserData()).toList();
    }

    private TableSort currentSort() {
        if (table.getSortOrder().isEmpty()) {
            return TableSort.BY_NAME;
        }
        TableColumn<Device, ?> first = table.getSortOrder().get(0);
        return new TableSort((DeviceColumn) first.getUserData(), first.getSortType() == TableColumn.SortType.DESCENDING);
    }

    private static TableColumn<Device, String> textColumn(DeviceColumn column) {
        TableColumn<Device, String> tableColumn = new TableColumn<>(column.title());
        tableColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(column.text(cell.getValue())));
        tableColumn.setCellFactory(c -> new TextCell(column));
        return tableColumn;
    }

    private static TableColumn<Device, Device> tagsColumn(Consumer<String> onTagClicked) {
        TableColumn<Device, Device> tableColumn = new TableColumn<>(DeviceColumn.TAGS.title());
        tableColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        tableColumn.setCellFactory(c -> new TagsCell(onTagClicked));
        return tableColumn;
    }

    private static double defaultWidth(DeviceColumn column) {
        return switch (column) {
            case NAME -> 200;
            case TAGS -> 230;
            case MODEL -> 180;
            case MEMORY -> 175;
            case OS -> 215;
            case KERNEL_ARCHITECTURE -> 175;
            case SERIAL_NUMBER -> 150;
        };
    }

    /** A text value; for a device on an old Connect client, says why the value is missing. Hovering shows it all. */
    private static final class TextCell extends TableCell<Device, String> {
        // A pseudo-class, not a style class: switching it restyles the cell without re-matching every selector.
        private static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");
        private final DeviceColumn column;
        private final Tooltip full = new Tooltip();

        TextCell(DeviceColumn column) {
            this.column = column;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean missing = !empty && (item == null || item.isEmpty());
            pseudoClassStateChanged(MISSING, missing);
            if (empty) {
                setText(null);
                setTooltip(null);
                return;
            }
            if (missing) {
                Device device = getTableRow() == null ? null : getTableRow().getItem();
                boolean old = device != null && device.isOldClient() && column.needsCurrentClient();
                setText(old ? UNKNOWN_OLD_CLIENT : "—");
            } else {
                setText(item);
            }
            full.setText(getText());
            setTooltip(full);
        }
    }
}
