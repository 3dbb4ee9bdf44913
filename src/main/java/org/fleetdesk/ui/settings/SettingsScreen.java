package org.fleetdesk.ui.settings;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fleetdesk.secrets.Profile;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.common.LazyScreen;
import org.fleetdesk.ui.common.Theme;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The Settings screen: appearance, organisations, data and logs. */
public final class SettingsScreen extends LazyScreen {
    private final SettingsViewModel model;

    public SettingsScreen(SettingsViewModel model) {
        super("Settings", MaterialDesignC.COG_OUTLINE);
        this.model = model;
    }

    @Override
    public void onShown() {
        model.refresh();
    }

    @Override
    protected Node build() {
        Label title = new Label("Settings");
        title.getStyleClass().add("screen-title");
        ComboBox<Theme> theme = new ComboBox<>();
        theme.getItems().setAll(Theme.values());
        theme.setId("theme");
        theme.valueProperty().bindBidirectional(model.themeProperty());
        ListView<Profile> profiles = new ListView<>(model.profiles());
        profiles.setId("profiles");
        profiles.setPrefHeight(160);
        profiles.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Profile profile, boolean empty) {
                super.updateItem(profile, empty);
                setText(empty || profile == null ? null
                        : profile.name() + " — " + profile.apiUrl() + " — token in " + model.tokenLocation(profile));
            }
        });
        Button rename = new Button("Rename…");
        rename.setOnAction(e -> rename(profiles.getSelectionModel().getSelectedItem()));
        Button remove = new Button("Remove…");
        remove.getStyleClass().add(Styles.DANGER);
        remove.setOnAction(e -> remove(profiles.getSelectionModel().getSelectedItem()));
        rename.disableProperty().bind(profiles.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty().bind(profiles.getSelectionModel().selectedItemProperty().isNull());
        Label cache = new Label();
        cache.textProperty().bind(Bindings.concat("Cache of the open organisation: ", model.cacheInfoProperty()));
        cache.setWrapText(true);
        Button logs = new Button("Open logs folder", Icons.icon(org.kordamp.ikonli.materialdesign2.MaterialDesignF.FOLDER_OPEN_OUTLINE));
        logs.setOnAction(e -> model.openLogsFolder());
        Label message = new Label();
        message.setId("settings-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        VBox page = new VBox(14, title,
                section("Appearance"), new HBox(10, new Label("Theme"), theme),
                section("Organisations"), profiles, new HBox(10, rename, remove), message,
                section("Data and logs"), cache, logs);
        page.setPadding(new Insets(16));
        page.setMaxWidth(900);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private void rename(Profile profile) {
        TextInputDialog dialog = new TextInputDialog(profile.name());
        dialog.setTitle("Rename organisation");
        dialog.setHeaderText("New name for " + profile.name());
        dialog.showAndWait().map(String::strip).filter(name -> !name.isEmpty()).ifPresent(name -> model.rename(profile, name));
    }

    private void remove(Profile profile) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "This deletes the local cache of " + profile.name()
                + " and its stored token. The organisation itself is not changed.", ButtonType.CANCEL, ButtonType.OK);
        confirm.setHeaderText("Remove " + profile.name() + " from Fleetdesk?");
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.remove(profile));
    }
}
