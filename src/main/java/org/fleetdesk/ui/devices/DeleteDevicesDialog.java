package org.fleetdesk.ui.devices;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.fleetdesk.api.Device;
import org.fleetdesk.ui.common.Theme;

/** Asks before deleting devices: names them, and for more than one asks for their number to be typed. */
final class DeleteDevicesDialog extends Dialog<ButtonType> {
    static final ButtonType DELETE = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);

    DeleteDevicesDialog(Window owner, List<Device> devices) {
        DeleteConfirmation confirmation = new DeleteConfirmation(devices);
        initOwner(owner);
        setTitle("Delete devices");
        setHeaderText(confirmation.title());
        getDialogPane().getStylesheets().add(Theme.appStylesheet());
        getDialogPane().setId("delete-devices-dialog");
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, DELETE);
        Button delete = (Button) getDialogPane().lookupButton(DELETE);
        delete.setId("confirm-delete");
        delete.getStyleClass().add("danger");
        delete.setDefaultButton(false);
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);

        Label explanation = new Label(confirmation.explanation());
        explanation.setWrapText(true);
        VBox names = new VBox(2);
        confirmation.names().forEach(name -> names.getChildren().add(new Label("• " + name)));
        if (!confirmation.more().isEmpty()) {
            Label more = new Label(confirmation.more());
            more.getStyleClass().add("muted");
            names.getChildren().add(more);
        }
        VBox content = new VBox(10, explanation, names);
        content.setPrefWidth(460);
        if (confirmation.needsTypedCount()) {
            TextField typed = new TextField();
            typed.setId("delete-count");
            typed.setPromptText(Integer.toString(devices.size()));
            delete.disableProperty().bind(Bindings.createBooleanBinding(
                    () -> !confirmation.isConfirmedBy(typed.getText()), typed.textProperty()));
            content.getChildren().addAll(new Label(confirmation.typePrompt()), typed);
            setOnShown(e -> typed.requestFocus());
        }
        getDialogPane().setContent(content);
    }
}
