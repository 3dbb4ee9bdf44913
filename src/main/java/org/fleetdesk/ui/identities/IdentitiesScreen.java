package org.fleetdesk.ui.identities;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.ui.common.LazyScreen;
import org.fleetdesk.ui.provision.Dialogs;
import org.fleetdesk.ui.provision.ResourceList;
import org.fleetdesk.ui.provision.TimeText;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The Device identities screen: the list sorted by description, register one or many, edit, delete. */
public final class IdentitiesScreen extends LazyScreen {
    private final IdentitiesViewModel model;
    private final ResourceList<DeviceIdentity> list;
    private final TableView<DeviceIdentity> table;

    public IdentitiesScreen(IdentitiesViewModel model) {
        super("Device identities", MaterialDesignC.CERTIFICATE);
        this.model = model;
        this.list = new ResourceList<>("identities-table", model.identities(),
                "No device identities: register a device's public key before it first connects.",
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
        list.change("Register", MaterialDesignP.PLUS, () -> new RegisterIdentityDialog(model, table).show())
                .setId("register-identity-open");
        list.change("Register in bulk", MaterialDesignF.FOLDER_KEY, () -> new BulkIdentitiesDialog(model, table).show());
        list.opens(MaterialDesignC.CERTIFICATE_OUTLINE, identity -> new EditIdentityDialog(model, identity, table).show());
        list.deletes(this::confirmDelete);
        list.column("Description", 240, DeviceIdentity::description)
                .column("Device name", 160, DeviceIdentity::deviceName)
                .column("Tags", 200, i -> String.join(", ", i.tags()))
                .column("Created", 150, i -> TimeText.absolute(i.createdAt()));
        return list.layout("Device identities", model.statusProperty(), "identities-status", model::refresh);
    }

    private void confirmDelete(List<DeviceIdentity> chosen) {
        String what = chosen.size() == 1 ? "the device identity \"" + chosen.get(0).description() + "\""
                : chosen.size() + " device identities";
        Dialogs.confirm(table, "Delete device identities", "Delete " + what + "? If an identity has been exchanged,"
                + " the device it became is deleted too and signed out of Raspberry Pi Connect.", "Delete",
                () -> model.delete(chosen));
    }
}
