package org.fleetdesk.ui.devices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.scene.control.TableColumn;
import javafx.util.Duration;
import org.fleetdesk.api.Device;
import org.fleetdesk.export.DeviceColumn;
import org.fleetdesk.ui.common.TaskExecutor;
import org.fleetdesk.ui.common.UiSettings;

/**
 * Remembers the device table's column order, hidden columns and widths, per organisation, in a small JSON file beside
 * the organisation's cache ({@value #FILE_NAME}). Read and written off the UI thread; saved shortly after the
 * last change, so dragging a column edge writes once.
 */
final class ColumnLayout {
    static final String FILE_NAME = "devices-table.json";
    private static final String ORDER = "devices.columns.order";
    private static final String HIDDEN = "devices.columns.hidden";
    private static final String WIDTH = "devices.columns.width.";

    private final DeviceTable table;
    private final TaskExecutor executor;
    private final PauseTransition saveLater = new PauseTransition(Duration.millis(500));
    private UiSettings settings;
    private boolean applying;

    private ColumnLayout(DeviceTable table, TaskExecutor executor) {
        this.table = table;
        this.executor = executor;
        saveLater.setOnFinished(e -> save());
    }

    /** Reads the layout from {@code file} in the background, applies it, then saves every later change there. */
    static ColumnLayout attach(DeviceTable table, TaskExecutor executor, Path file) {
        ColumnLayout layout = new ColumnLayout(table, executor);
        executor.submit("Reading the table layout", progress -> UiSettings.load(file), layout::apply, failure -> { });
        table.onLayoutChange(() -> {
            if (!layout.applying && layout.settings != null) {
                layout.saveLater.playFromStart();
            }
        });
        return layout;
    }

    private void apply(UiSettings loaded) {
        settings = loaded;
        applying = true;
        try {
            loaded.get(ORDER).ifPresent(order -> table.arrange(columns(order)));
            List<DeviceColumn> hidden = loaded.get(HIDDEN).map(ColumnLayout::columns).orElse(List.of());
            for (DeviceColumn column : DeviceColumn.values()) {
                TableColumn<Device, ?> tableColumn = table.column(column);
                tableColumn.setVisible(!hidden.contains(column));
                double width = loaded.getDouble(WIDTH + column.name(), -1);
                if (width > 20) {
                    tableColumn.setPrefWidth(width);
                }
            }
        } finally {
            applying = false;
        }
    }

    private void save() {
        List<String> hidden = new ArrayList<>();
        for (DeviceColumn column : DeviceColumn.values()) {
            TableColumn<Device, ?> tableColumn = table.column(column);
            if (!tableColumn.isVisible()) {
                hidden.add(column.name());
            }
            settings.putDouble(WIDTH + column.name(), tableColumn.getWidth());
        }
        settings.put(ORDER, String.join(",", table.order().stream().map(Enum::name).toList()));
        settings.put(HIDDEN, String.join(",", hidden));
        UiSettings target = settings;
        executor.submit("Saving the table layout", progress -> {
            target.save();
            return null;
        }, ignored -> { }, failure -> { });
    }

    private static List<DeviceColumn> columns(String names) {
        return Arrays.stream(names.split(",")).map(String::strip).map(ColumnLayout::column)
                .flatMap(Optional::stream).toList();
    }

    private static Optional<DeviceColumn> column(String name) {
        try {
            return Optional.of(DeviceColumn.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
