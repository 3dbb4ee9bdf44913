package org.fleetdesk.ui.rollouts;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.rollout.Rollout;
import org.fleetdesk.rollout.RolloutJournal;
import org.fleetdesk.rollout.RolloutRun;
import org.fleetdesk.rollout.Rollouts;
import org.fleetdesk.store.ApiActivityRecorder;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.Session;

/**
 * The Deployments screen's state: every rollout of the organisation's journal (so the history survives restarts),
 * newest first, the one shown on the monitor, and the rollout service the wizard and the monitor share.
 */
public final class RolloutsViewModel {
    private final Session session;
    private final Rollouts rollouts;
    private final ObservableList<Rollout> list = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedId = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");

    public RolloutsViewModel(Session session) {
        this.session = session;
        this.rollouts = new Rollouts(session.client(),
                new RolloutJournal(session.store(), ApiActivityRecorder.GUI), session.limiter());
    }

    public Session session() {
        return session;
    }

    public Rollouts rollouts() {
        return rollouts;
    }

    public ObservableList<Rollout> list() {
        return list;
    }

    /** The rollout on the monitor (by ID). */
    public ObjectProperty<String> selectedIdProperty() {
        return selectedId;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public boolean isRunningHere(Rollout rollout) {
        return rollouts.live(rollout.id()).isPresent();
    }

    public void refresh() {
        session.executor().submit("Reading the rollouts", progress -> rollouts.journal().rollouts(), loaded -> {
            list.setAll(loaded);
            if (selectedId.get() == null && !loaded.isEmpty()) {
                selectedId.set(loaded.get(0).id());
            }
        }, failure -> error.set(ErrorMessages.describe(failure)));
    }

    /** A rollout started here (wizard, retry): list it, show it, and list it again when its run ends. */
    public void started(RolloutRun run) {
        run.completion().thenRun(() -> session.executor().runOnUiThread(this::refresh));
        selectedId.set(run.id());
        refresh();
    }
}
