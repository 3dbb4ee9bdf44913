package org.fleetdesk.ui.identities;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.DeviceIdentityUpdate;
import org.fleetdesk.api.NotFoundException;
import org.fleetdesk.sync.SyncProgress;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.Session;

/**
 * The device identities of the open organisation, from the cache, sorted by description; and what can be done to
 * them. Changes go to the API first, then the cache follows its answer. Deleting identities also refreshes the cached
 * devices, since a device an identity was exchanged for is deleted with it.
 */
public final class IdentitiesViewModel {
    private static final Comparator<DeviceIdentity> BY_DESCRIPTION = Comparator
            .comparing((DeviceIdentity i) -> i.description() == null ? "" : i.description(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(DeviceIdentity::id);

    private final Session session;
    private final ObservableList<DeviceIdentity> identities = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public IdentitiesViewModel(Session session) {
        this.session = session;
        session.cacheVersionProperty().addListener((obs, old, now) -> reload());
    }

    public ObservableList<DeviceIdentity> identities() {
        return identities;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Session session() {
        return session;
    }

    public void reload() {
        session.executor().submit("Reading device identities", progress -> session.store().deviceIdentities().all(),
                all -> identities.setAll(all.stream().sorted(BY_DESCRIPTION).toList()), this::failed);
    }

    public void refresh() {
        status.set("Refreshing device identities…");
        session.executor().submit("Refreshing device identities", progress -> {
            List<DeviceIdentity> all = session.client().listAllDeviceIdentities();
            session.store().deviceIdentities().replaceAll(all);
            return all.size();
        }, count -> {
            status.set(count + " device identities.");
            session.cacheChanged();
        }, this::failed);
    }

    /** Once exchanged, the server applies only the description; {@code onFailed} gets the reason of a refusal. */
    public void update(String id, DeviceIdentityUpdate update, Runnable onDone, Consumer<String> onFailed) {
        session.executor().submit("Updating a device identity", progress -> {
            DeviceIdentity updated = session.client().updateDeviceIdentity(id, update);
            session.store().deviceIdentities().upsert(updated);
            return updated;
        }, updated -> {
            status.set("Updated " + updated.description() + ".");
            session.cacheChanged();
            onDone.run();
        }, failure -> onFailed.accept(ErrorMessages.describe(failure)));
    }

    /** Deletes the identities (and the devices they were exchanged for), then brings the cached devices up to date. */
    public void delete(List<DeviceIdentity> chosen) {
        List<DeviceIdentity> doomed = List.copyOf(chosen);
        session.executor().submit("Deleting " + doomed.size() + " device identities", progress -> {
            int done = 0;
            for (DeviceIdentity identity : doomed) {
                try {
                    session.client().deleteDeviceIdentity(identity.id());
                } catch (NotFoundException alreadyGone) {
                    // deleted elsewhere: the cache follows
                }
                session.store().deviceIdentities().delete(identity.id());
                progress.update(++done, doomed.size(), identity.description());
            }
            session.sync().syncDevices(SyncProgress.NONE, progress::isCancelled);
            return done;
        }, done -> {
            status.set("Deleted " + done + (done == 1 ? " device identity." : " device identities."));
            session.cacheChanged();
        }, failure -> {
            failed(failure);
            session.cacheChanged();
        });
    }

    public RegisterIdentityForm newRegistration() {
        return new RegisterIdentityForm(session);
    }

    public BulkIdentitiesViewModel newBulk() {
        return new BulkIdentitiesViewModel(session);
    }

    private void failed(Throwable failure) {
        status.set(ErrorMessages.describe(failure));
    }
}
