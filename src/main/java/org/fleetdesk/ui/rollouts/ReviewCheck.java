package org.fleetdesk.ui.rollouts;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.api.Device;
import org.fleetdesk.rollout.RolloutJournal;
import org.fleetdesk.rollout.RolloutState;
import org.fleetdesk.rollout.SupersedeCheck;
import org.fleetdesk.rollout.Target;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.RunningTask;
import org.fleetdesk.ui.common.Session;

/**
 * The wizard's review step: which targets already have a pending deployment that the rollout would replace (one
 * request per device: automatic for up to {@value #AUTOMATIC_CHECK_LIMIT} devices, on request above; cancellable),
 * and what is known of billing (a rollout the API halted for billing, or how the API will tell).
 */
public final class ReviewCheck {
    static final int AUTOMATIC_CHECK_LIMIT = 200;

    private final Session session;
    private final RolloutJournal journal;
    private final ObservableList<SupersedeCheck.Superseded> superseded = FXCollections.observableArrayList();
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty billing = new SimpleStringProperty("");
    private List<Device> targets = List.of();
    private int concurrency = 1;
    private RunningTask check;

    public ReviewCheck(Session session, RolloutJournal journal) {
        this.session = session;
        this.journal = journal;
    }

    public ObservableList<SupersedeCheck.Superseded> superseded() {
        return superseded;
    }

    public BooleanProperty checkingProperty() {
        return checking;
    }

    /** What the check for pending deployments found or is doing. */
    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty billingProperty() {
        return billing;
    }

    void review(List<Device> devices, int requestsAtATime) {
        targets = devices;
        concurrency = requestsAtATime;
        superseded.clear();
        billing.set(journal.rollouts().stream()
                .filter(r -> r.state() == RolloutState.HALTED && r.reason() != null
                        && r.reason().toLowerCase(Locale.ROOT).contains("billing"))
                .findFirst().map(r -> "Rollout " + r.id() + " was halted by the API: " + r.reason() + ". Set up billing"
                        + " in the Connect dashboard first, or this rollout halts at its first deployment too.")
                .orElse("Billing is checked by the API at the first deployment: if the trial has ended without billing,"
                        + " the rollout halts at once with the API's message and nothing more is sent."));
        if (targets.size() <= AUTOMATIC_CHECK_LIMIT) {
            checkPending();
        } else {
            note.set("Not yet checked whether some of the " + targets.size() + " devices have a pending deployment"
                    + " this rollout would replace (one request per device).");
        }
    }

    public void checkPending() {
        cancel();
        checking.set(true);
        List<Device> checked = targets;
        note.set("Checking " + checked.size() + " devices for pending deployments…");
        check = session.executor().submit("Checking for pending deployments", progress -> SupersedeCheck.find(
                session.client(), checked.stream().map(Target::of).toList(), concurrency,
                done -> progress.update(done, checked.size(), "Checked " + done + " of " + checked.size()),
                progress::isCancelled), found -> {
                    checking.set(false);
                    superseded.setAll(found);
                    note.set(found.isEmpty() ? "None of the " + checked.size() + " devices has a pending deployment."
                            : found.size() + " of the devices have a pending deployment: this rollout replaces it (the"
                            + " API marks it failed, superseded).");
                }, failure -> {
                    checking.set(false);
                    note.set(failure instanceof CancellationException ? "The check for pending deployments was stopped."
                            : "Could not check for pending deployments: " + ErrorMessages.headline(failure));
                });
    }

    public void cancel() {
        if (check != null) {
            check.cancel();
        }
    }
}
