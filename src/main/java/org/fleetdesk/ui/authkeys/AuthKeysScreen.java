package org.fleetdesk.ui.authkeys;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.ui.common.LazyScreen;
import org.fleetdesk.ui.provision.Dialogs;
import org.fleetdesk.ui.provision.ResourceList;
import org.fleetdesk.ui.provision.TimeText;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The Auth keys screen: the list with state and expiry, filter by state, create one or many, edit, delete. */
public final class AuthKeysScreen extends LazyScreen {
    private final AuthKeysViewModel model;
    private final ResourceList<AuthKey> list;
    private final TableView<AuthKey> table;

    public AuthKeysScreen(AuthKeysViewModel model) {
        super("Auth keys", MaterialDesignK.KEY_VARIANT);
        this.model = model;
        this.list = new ResourceList<>("auth-keys-table", model.keys(),
                "No auth keys: create one for each device before it first powers on.",
                model.session().writableProperty().not());
        this.table = list.table();
    }

    @Override
    public void onShown() {
        model.reload();
        table.requestFocus();
    }

    @Override
    protected Node build() {
        ComboBox<AuthKeysViewModel.StateFilter> filter = new ComboBox<>();
        filter.getItems().setAll(AuthKeysViewModel.StateFilter.values());
        filter.valueProperty().bindBidirectional(model.filterProperty());
        list.filter(filter);
        list.change("New key", MaterialDesignP.PLUS, () -> new CreateKeyDialog(model, table).show()).setId("new-key");
        list.change("Create in bulk", MaterialDesignK.KEY_CHAIN, () -> new BulkKeysDialog(model, table).show())
                .setId("bulk-keys");
        list.opens(MaterialDesignK.KEY_CHANGE, key -> new EditKeyDialog(model, key, table).show());
        list.deletes(this::confirmDelete);
        list.column("State", 90, k -> model.stateOf(k).name().toLowerCase(Locale.ROOT))
                .column("Description", 200, AuthKey::description)
                .column("Device name", 130, AuthKey::deviceName)
                .column("Tags", 150, k -> String.join(", ", k.tags()))
                .column("Expires", 210, k -> TimeText.relativeAndAbsolute(k.expiresAt(), model.now()))
                .column("Created", 130, k -> TimeText.absolute(k.createdAt()))
                .column("Exchanged", 130, k -> TimeText.absolute(k.exchangedAt()));
        return list.layout("Auth keys", model.statusProperty(), "auth-keys-status", model::refresh);
    }

    private void confirmDelete(List<AuthKey> chosen) {
        String what = chosen.size() == 1 ? "the auth key \"" + chosen.get(0).description() + "\""
                : chosen.size() + " auth keys";
        Dialogs.confirm(table, "Delete auth keys", "Delete " + what + "? A device already linked with a key stays"
                + " linked; a device that has not used its key yet can no longer use it.", "Delete",
                () -> model.delete(chosen));
    }
}
