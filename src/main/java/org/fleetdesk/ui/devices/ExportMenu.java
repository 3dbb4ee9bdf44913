package org.fleetdesk.ui.devices;

import java.io.File;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import org.fleetdesk.api.Device;
import org.fleetdesk.export.ExportFormat;
import org.fleetdesk.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** Export of the current result or the selection to CSV or JSON, with the table's visible columns. */
final class ExportMenu extends MenuButton {
    private final DevicesViewModel model;
    private final DeviceTable table;

    ExportMenu(DevicesViewModel model, DeviceTable table) {
        super("Export", Icons.icon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        this.model = model;
        this.table = table;
        setId("export-menu");
        BooleanBinding noSelection = Bindings.isEmpty(table.selectedDevices());
        for (ExportFormat format : ExportFormat.values()) {
            getItems().add(item("Result as " + format.label() + "…", format, model::results, null));
        }
        getItems().add(new SeparatorMenuItem());
        for (ExportFormat format : ExportFormat.values()) {
            getItems().add(item("Selection as " + format.label() + "…", format,
                    () -> List.copyOf(table.selectedDevices()), noSelection));
        }
    }

    private MenuItem item(String label, ExportFormat format, Supplier<List<Device>> devices, BooleanBinding disabled) {
        MenuItem item = new MenuItem(label);
        item.setOnAction(e -> export(format, devices.get()));
        if (disabled != null) {
            item.disableProperty().bind(disabled);
        }
        return item;
    }

    private void export(ExportFormat format, List<Device> devices) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + devices.size() + " devices as " + format.label());
        chooser.setInitialFileName("devices." + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.label() + " files",
                "*." + format.extension()));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.export(file.toPath(), devices, table.visibleColumns(), format);
        }
    }
}
