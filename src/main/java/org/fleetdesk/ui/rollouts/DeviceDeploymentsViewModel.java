package org.fleetdesk.ui.rollouts;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.DeploymentState;
import org.fleetdesk.api.NetworkException;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.Session;

/**
 * One device's deployments (for its details): the list from the API (the cache when offline), deploying an artefact
 * to it — which replaces its pending deployment, if any — and cancelling a pending one (the API cancels only those).
 */
public final class DeviceDeploymentsViewModel {
    private final Session session;
    private final String deviceId;
    private final ObservableList<Deployment> deployments = FXCollections.observableArrayList();
    private final ObservableList<Artefact> artefacts = FXCollections.observableArrayList();
    private final ObjectProperty<Artefact> artefact = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private Map<String, String> artefactNames = Map.of();

    public DeviceDeploymentsViewModel(Session session, String deviceId) {
        this.session = session;
        this.deviceId = deviceId;
    }

    public ObservableList<Deployment> deployments() {
        return deployments;
    }

    public ObservableList<Artefact> artefacts() {
        return artefacts;
    }

    public ObjectProperty<Artefact> artefactProperty() {
        return artefact;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanBinding canDeployProperty() {
        return artefact.isNotNull().and(busy.not()).and(session.writableProperty());
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public Session session() {
        return session;
    }

    /** The artefact's name, or its ID when it is not known. */
    public String artefactName(String artefactId) {
        return artefactNames.getOrDefault(artefactId, artefactId);
    }

    /** "Replaces pending deployment …" when the device has one; empty otherwise. */
    public javafx.beans.binding.StringBinding replacesProperty() {
        return Bindings.createStringBinding(() -> deployments.stream()
                .filter(d -> d.state() == DeploymentState.PENDING).findFirst()
                .map(d -> "Deploying replaces the pending deployment of " + artefactName(d.artefactId()) + ".")
                .orElse(""), deployments);
    }

    private record Loaded(List<Deployment> deployments, List<Artefact> artefacts, String note) {
    }

    public void load() {
        busy.set(true);
        session.executor().submit("Reading the deployments of " + deviceId, progress -> {
            try {
                List<Deployment> list = session.client().listAllDeployments(deviceId, null);
                session.store().putDeployments(deviceId, list);
                return new Loaded(list, session.client().listAllArtefacts(null), "");
            } catch (NetworkException e) {
                return new Loaded(session.store().deployments(deviceId), session.store().artefacts().all(),
                        "The API cannot be reached: showing the cached deployments.");
            }
        }, loaded -> {
            busy.set(false);
            artefactNames = loaded.artefacts().stream().collect(Collectors.toMap(Artefact::id, Artefact::name,
                    (a, b) -> a));
            artefacts.setAll(loaded.artefacts());
            deployments.setAll(loaded.deployments());
            status.set(loaded.note());
        }, this::failed);
    }

    public void deploy() {
        Artefact chosen = artefact.get();
        if (chosen == null) {
            return;
        }
        act("Deploying " + chosen.name(), () -> session.client().createDeployment(deviceId, chosen.id()),
                "Deployed " + chosen.name() + ".");
    }

    public void cancel(Deployment deployment) {
        act("Cancelling a deployment", () -> session.client().cancelDeployment(deployment.id()),
                "Cancelled the deployment of " + artefactName(deployment.artefactId()) + ".");
    }

    private void act(String title, java.util.function.Supplier<Deployment> call, String done) {
        error.set("");
        busy.set(true);
        session.executor().submit(title, progress -> call.get(), ignored -> {
            busy.set(false);
            status.set(done);
            load();
        }, this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        error.set(ErrorMessages.describe(failure));
    }
}
