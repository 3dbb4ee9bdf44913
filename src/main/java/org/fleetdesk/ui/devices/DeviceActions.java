package org.fleetdesk.ui.devices;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.fleetdesk.api.Device;
import org.fleetdesk.ui.common.ConnectionState;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.common.Session;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * What can be done with the selected devices, as toolbar buttons and as the table's context menu: copy ids, serial
 * numbers or names; delete (after confirmation); deploy to them and show their deployments, which open other screens
 * through the callbacks. Writes are disabled, with the reason as tooltip, while the API does not accept them.
 */
final class DeviceActions {
    private final DevicesViewModel model;
    private final DeviceTable table;
    private final ObjectProperty<Consumer<List<Device>>> onDeploy = new SimpleObjectProperty<>();
    private final ObjectProperty<Consumer<Device>> onShowDeployments = new SimpleObjectProperty<>();
    private final BooleanBinding noSelection;
    private final StringBinding writeBlocked;

    DeviceActions(Session session, DevicesViewModel model, DeviceTable table) {
        this.model = model;
        this.table = table;
        noSelection = Bindings.isEmpty(table.selectedDevices());
        writeBlocked = Bindings.createStringBinding(() -> whyNotWritable(session.connectionProperty().get()),
                session.connectionProperty());
        table.view().setContextMenu(contextMenu());
        table.view().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && !noSelection.get() && writeBlocked.get().isEmpty()) {
                confirmAndDelete();
                e.consume();
            }
        });
    }

    ObjectProperty<Consumer<List<Device>>> onDeployProperty() {
        return onDeploy;
    }

    ObjectProperty<Consumer<Device>> onShowDeploymentsProperty() {
        return onShowDeployments;
    }

    /** Why writes are impossible now, or empty when they are possible. */
    StringBinding writeBlocked() {
        return writeBlocked;
    }

    static String whyNotWritable(ConnectionState state) {
        return switch (state) {
            case ONLINE -> "";
            case CONNECTING -> "Connecting to the API: wait a moment, then try again.";
            case OFFLINE -> "Offline: the API is not answering, so nothing can be changed now. Fleetdesk reconnects"
                    + " by itself.";
            case TOKEN_REFUSED -> "The API refused the token: replace it in Settings to make changes.";
        };
    }

    Node toolbar() {
        MenuButton copy = new MenuButton("Copy", Icons.icon(MaterialDesignC.CONTENT_COPY));
        copy.setId("copy-menu");
        copy.getItems().setAll(copyItems());
        copy.disableProperty().bind(noSelection);

        Button delete = new Button("Delete…", Icons.icon(MaterialDesignD.DELETE_OUTLINE));
        delete.setId("delete-devices");
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> confirmAndDelete());
        delete.disableProperty().bind(noSelection.or(writeBlocked.isNotEmpty()));

        Button deploy = new Button("Deploy…", Icons.icon(MaterialDesignR.ROCKET_LAUNCH_OUTLINE));
        deploy.setId("deploy-devices");
        deploy.setOnAction(e -> deploy());
        deploy.disableProperty().bind(noSelection.or(writeBlocked.isNotEmpty()).or(onDeploy.isNull()));

        Button history = new Button("Show deployments", Icons.icon(MaterialDesignH.HISTORY));
        history.setId("show-deployments");
        history.setOnAction(e -> showDeployments());
        history.disableProperty().bind(noSelection.or(onShowDeployments.isNull()));

        HBox bar = new HBox(6, copy, withReason(delete, "Delete the selected devices from the organisation"),
                withReason(deploy, "Deploy an artefact to the selected devices"),
                withTooltip(history, "Show the deployments of the selected device"));
        bar.getStyleClass().add("device-actions");
        return bar;
    }

    private ContextMenu contextMenu() {
        MenuItem deploy = new MenuItem("Deploy…", Icons.icon(MaterialDesignR.ROCKET_LAUNCH_OUTLINE));
        deploy.setOnAction(e -> deploy());
        deploy.disableProperty().bind(noSelection.or(writeBlocked.isNotEmpty()).or(onDeploy.isNull()));
        MenuItem history = new MenuItem("Show deployments", Icons.icon(MaterialDesignH.HISTORY));
        history.setOnAction(e -> showDeployments());
        history.disableProperty().bind(noSelection.or(onShowDeployments.isNull()));
        MenuItem delete = new MenuItem("Delete…", Icons.icon(MaterialDesignD.DELETE_OUTLINE));
        delete.setId("context-delete");
        delete.setOnAction(e -> confirmAndDelete());
        delete.disableProperty().bind(noSelection.or(writeBlocked.isNotEmpty()));
        ContextMenu menu = new ContextMenu();
        menu.getItems().addAll(copyItems());
        menu.getItems().addAll(new SeparatorMenuItem(), deploy, history, new SeparatorMenuItem(), delete);
        return menu;
    }

    private List<MenuItem> copyItems() {
        return List.of(copyItem("Copy ID", Device::id), copyItem("Copy serial number", Device::serialNumber),
                copyItem("Copy name", Device::name));
    }

    private MenuItem copyItem(String label, Function<Device, String> value) {
        MenuItem item = new MenuItem(label);
        item.setOnAction(e -> copy(value));
        item.disableProperty().bind(noSelection);
        return item;
    }

    /** One value per selected device, one per line. */
    private void copy(Function<Device, String> value) {
        List<Device> selected = List.copyOf(table.selectedDevices());
        ClipboardContent content = new ClipboardContent();
        content.putString(String.join("\n", selected.stream().map(value).map(v -> v == null ? "" : v).toList()));
        Clipboard.getSystemClipboard().setContent(content);
    }

    void confirmAndDelete() {
        List<Device> selected = List.copyOf(table.selectedDevices());
        if (selected.isEmpty()) {
            return;
        }
        DeleteDevicesDialog dialog = new DeleteDevicesDialog(table.view().getScene().getWindow(), selected);
        if (dialog.showAndWait().filter(DeleteDevicesDialog.DELETE::equals).isPresent()) {
            model.delete(selected);
        }
    }

    private void deploy() {
        if (onDeploy.get() != null && !table.selectedDevices().isEmpty()) {
            onDeploy.get().accept(List.copyOf(table.selectedDevices()));
        }
    }

    private void showDeployments() {
        Device focused = table.view().getSelectionModel().getSelectedItem();
        if (onShowDeployments.get() != null && focused != null) {
            onShowDeployments.get().accept(focused);
        }
    }

    /** A disabled control shows no tooltip, so the tooltip sits on a wrapper: the purpose, or why it is disabled. */
    private Node withReason(Button button, String purpose) {
        StackPane wrapper = new StackPane(button);
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(Bindings.createStringBinding(
                () -> writeBlocked.get().isEmpty() ? purpose : writeBlocked.get(), writeBlocked));
        Tooltip.install(wrapper, tooltip);
        return wrapper;
    }

    private static Node withTooltip(Button button, String purpose) {
        StackPane wrapper = new StackPane(button);
        Tooltip.install(wrapper, new Tooltip(purpose));
        return wrapper;
    }
}
