package org.fleetdesk.ui.provision;

import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.fleetdesk.ui.common.Theme;

/** The dialogs of the provisioning screens: owned by the main window, modal, with the app's stylesheet. */
public final class Dialogs {
    private Dialogs() {
    }

    public static <R> Dialog<R> create(Node owner, String title) {
        Dialog<R> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setResizable(true);
        Window window = owner.getScene() == null ? null : owner.getScene().getWindow();
        if (window != null) {
            dialog.initOwner(window);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.getDialogPane().getStylesheets().add(Theme.appStylesheet());
        return dialog;
    }

    /**
     * An edit dialog with Save and Cancel. Save is disabled while {@code disabled} holds; pressing it keeps the dialog
     * open and runs {@code save} with a callback that closes the dialog, to be called once the change succeeded.
     */
    public static Dialog<ButtonType> withSave(Node owner, String title, Node content, String saveId,
                                              ObservableBooleanValue disabled, Consumer<Runnable> save) {
        Dialog<ButtonType> dialog = create(owner, title);
        ButtonType saveType = new ButtonType("Save", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(saveType, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(saveType);
        saveButton.setId(saveId);
        saveButton.disableProperty().bind(disabled);
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            save.accept(() -> {
                dialog.setResult(ButtonType.OK);
                dialog.close();
            });
        });
        return dialog;
    }

    /** Asks before something that cannot be undone; {@code onYes} runs only when confirmed. */
    public static void confirm(Node owner, String title, String question, String yes, Runnable onYes) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", new ButtonType(yes, ButtonType.OK.getButtonData()),
                ButtonType.CANCEL);
        Label text = new Label(question);
        text.setWrapText(true);
        text.setMaxWidth(460);
        alert.getDialogPane().setContent(text);
        alert.setTitle(title);
        alert.setHeaderText(title);
        if (owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        alert.showAndWait().filter(b -> b.getButtonData() == ButtonType.OK.getButtonData()).ifPresent(b -> onYes.run());
    }

    /** A form: labels in the first column at their full width, fields in the second taking the rest. */
    public static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /** Sizes a dialog; inline, because the theme's stylesheet caps dialogs at 600 px and overrides code. */
    public static void size(Dialog<?> dialog, double width, double height) {
        dialog.getDialogPane().setStyle("-fx-pref-width: " + width + "px; -fx-max-width: " + width + "px;"
                + (height > 0 ? " -fx-pref-height: " + height + "px;" : ""));
    }

    /** A wrapped text for forms and reminders. */
    public static Label text(String text, String... styleClasses) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().addAll(styleClasses);
        return label;
    }
}
