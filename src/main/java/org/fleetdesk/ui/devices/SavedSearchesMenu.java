package org.fleetdesk.ui.devices;

import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import org.fleetdesk.query.QueryPrinter;
import org.fleetdesk.store.SavedSearch;
import org.fleetdesk.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;

/** Saved searches of the organisation: pick one to apply it, save the current query under a name, delete one. */
final class SavedSearchesMenu extends MenuButton {
    private final DevicesViewModel model;
    private final QueryBarViewModel query;
    private final Consumer<SavedSearch> onApply;

    SavedSearchesMenu(DevicesViewModel model, QueryBarViewModel query, Consumer<SavedSearch> onApply) {
        super("Saved searches", Icons.icon(MaterialDesignB.BOOKMARK_OUTLINE));
        this.model = model;
        this.query = query;
        this.onApply = onApply;
        setId("saved-searches");
        setOnShowing(e -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getItems().clear();
        for (SavedSearch search : model.savedSearches()) {
            MenuItem item = new MenuItem(search.name() + "    " + QueryPrinter.print(search.query()));
            item.setOnAction(e -> onApply.accept(search));
            getItems().add(item);
        }
        if (model.savedSearches().isEmpty()) {
            MenuItem none = new MenuItem("No saved searches yet");
            none.setDisable(true);
            getItems().add(none);
        }
        MenuItem save = new MenuItem("Save this search…");
        save.setId("save-search");
        save.setDisable(query.queryStringProperty().get().isEmpty());
        save.setOnAction(e -> askNameAndSave());
        getItems().addAll(new SeparatorMenuItem(), save);
        if (!model.savedSearches().isEmpty()) {
            Menu delete = new Menu("Delete a saved search");
            for (SavedSearch search : model.savedSearches()) {
                MenuItem item = new MenuItem(search.name());
                item.setOnAction(e -> model.deleteSavedSearch(search));
                delete.getItems().add(item);
            }
            getItems().add(delete);
        }
    }

    private void askNameAndSave() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Save search");
        dialog.setHeaderText("Save \"" + query.queryStringProperty().get() + "\"");
        dialog.setContentText("Name:");
        dialog.showAndWait().ifPresent(model::saveSearch);
    }
}
