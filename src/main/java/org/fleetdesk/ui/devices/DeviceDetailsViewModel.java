package org.fleetdesk.ui.devices;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.Device;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.Session;

/**
 * The details pane's state: the device shown and its deployment history. The history comes from the cache at once;
 * {@link #fetchDeployments()} asks the API for the current one and caches it.
 */
public final class DeviceDetailsViewModel {
    private final Session session;
    private final ReadOnlyObjectWrapper<Device> device = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DeploymentRow> deployments = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper deploymentsStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper fetching = new ReadOnlyBooleanWrapper(false);

    private record History(List<Deployment> deployments, Map<String, String> artefactNames) {
    }

    public DeviceDetailsViewModel(Session session) {
        this.session = session;
    }

    public ReadOnlyObjectProperty<Device> deviceProperty() {
        return device.getReadOnlyProperty();
    }

    public ObservableList<DeploymentRow> deployments() {
        return deployments;
    }

    /** Where the history shown comes from, or why it could not be fetched. */
    public ReadOnlyStringProperty deploymentsStatusProperty() {
        return deploymentsStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fetchingProperty() {
        return fetching.getReadOnlyProperty();
    }

    /** Shows a device (null for none) with its cached deployment history. */
    public void show(Device shown) {
        Device previous = device.get();
        device.set(shown);
        if (shown == null) {
            deployments.clear();
            deploymentsStatus.set("");
            return;
        }
        if (previous != null && previous.id().equals(shown.id())) {
            return;
        }
        deployments.clear();
        fetching.set(false);
        deploymentsStatus.set("Reading the cache…");
        session.executor().submit("Reading deployments of " + shown.name(),
                progress -> new History(session.store().deployments(shown.id()), artefactNames()),
                history -> {
                    if (isShowing(shown)) {
                        showHistory(history);
                        deploymentsStatus.set(history.deployments().isEmpty()
                                ? "No deployment history in the cache. Fetch it from the API."
                                : "From the cache. Fetch to update it from the API.");
                    }
                }, failure -> {
                    if (isShowing(shown)) {
                        deploymentsStatus.set("Could not read the cache: " + ErrorMessages.describe(failure));
                    }
                });
    }

    /** Fetches the shown device's deployments from the API and caches them. */
    public void fetchDeployments() {
        Device shown = device.get();
        if (shown == null || fetching.get()) {
            return;
        }
        fetching.set(true);
        deploymentsStatus.set("Fetching from the API…");
        session.executor().submit("Fetching deployments of " + shown.name(), progress -> {
            List<Deployment> fetched = session.client().listAllDeployments(shown.id(), null);
            session.store().putDeployments(shown.id(), fetched);
            Map<String, String> names = artefactNames();
            if (fetched.stream().anyMatch(d -> d.artefactId() != null && !names.containsKey(d.artefactId()))) {
                // An artefact created since the last sync: refresh the cached list so its name can be shown.
                session.store().artefacts().replaceAll(session.client().listAllArtefacts(null));
                return new History(fetched, artefactNames());
            }
            return new History(fetched, names);
        }, history -> {
            if (isShowing(shown)) {
                fetching.set(false);
                showHistory(history);
                deploymentsStatus.set(history.deployments().isEmpty() ? "No deployments: nothing was ever deployed"
                        + " to this device." : "Fetched from the API just now.");
            }
        }, failure -> {
            if (isShowing(shown)) {
                fetching.set(false);
                deploymentsStatus.set("Could not fetch the deployments: " + ErrorMessages.describe(failure));
            }
        });
    }

    private boolean isShowing(Device shown) {
        return device.get() != null && device.get().id().equals(shown.id());
    }

    private Map<String, String> artefactNames() {
        Map<String, String> names = new HashMap<>();
        for (Artefact artefact : session.store().artefacts().all()) {
            names.put(artefact.id(), artefact.name());
        }
        return names;
    }

    private void showHistory(History history) {
        deployments.setAll(history.deployments().stream().map(d -> new DeploymentRow(
                history.artefactNames().getOrDefault(d.artefactId(), "artefact " + d.artefactId()
                        + " (not in the cache)"), d.state(), d.stateReason(), d.createdAt(), d.updatedAt())).toList());
    }
}
