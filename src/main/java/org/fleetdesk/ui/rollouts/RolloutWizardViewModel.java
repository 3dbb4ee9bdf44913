package org.fleetdesk.ui.rollouts;

import java.util.List;
import java.util.function.Consumer;
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
import org.fleetdesk.api.Device;
import org.fleetdesk.rollout.RolloutPlan;
import org.fleetdesk.rollout.RolloutRun;
import org.fleetdesk.rollout.Rollouts;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.Session;

/**
 * The rollout wizard: artefact → targets ({@link TargetChoice}) → plan ({@link PlanForm}) → review
 * ({@link ReviewCheck}) → start.
 */
public final class RolloutWizardViewModel {
    public enum Step { ARTEFACT, TARGETS, PLAN, REVIEW }

    private final Session session;
    private final Rollouts rollouts;
    private final TargetChoice targets;
    private final PlanForm plan = new PlanForm();
    private final ReviewCheck review;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.ARTEFACT);
    private final ObservableList<Artefact> artefacts = FXCollections.observableArrayList();
    private final ObjectProperty<Artefact> artefact = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty starting = new SimpleBooleanProperty();
    private final BooleanBinding canNext;
    private final BooleanBinding canStart;

    public RolloutWizardViewModel(Session session, Rollouts rollouts, List<Device> selection) {
        this.session = session;
        this.rollouts = rollouts;
        this.targets = new TargetChoice(session, selection);
        this.review = new ReviewCheck(session, rollouts.journal());
        canNext = Bindings.createBooleanBinding(() -> switch (step.get()) {
            case ARTEFACT -> artefact.get() != null;
            case TARGETS -> targets.countProperty().get() > 0;
            case PLAN -> plan.planProperty().get() != null;
            case REVIEW -> false;
        }, step, artefact, targets.countProperty(), plan.planProperty());
        canStart = step.isEqualTo(Step.REVIEW).and(starting.not()).and(session.writableProperty());
    }

    public Session session() {
        return session;
    }

    public TargetChoice targets() {
        return targets;
    }

    public PlanForm plan() {
        return plan;
    }

    public ReviewCheck review() {
        return review;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObservableList<Artefact> artefacts() {
        return artefacts;
    }

    public ObjectProperty<Artefact> artefactProperty() {
        return artefact;
    }

    public void next() {
        if (!canNext.get()) {
            return;
        }
        step.set(Step.values()[step.get().ordinal() + 1]);
        if (step.get() == Step.TARGETS) {
            targets.evaluate();
        } else if (step.get() == Step.REVIEW) {
            review.review(targets.devices(), plan.planProperty().get().concurrency());
        }
    }

    public void back() {
        if (step.get() != Step.ARTEFACT) {
            review.cancel();
            step.set(Step.values()[step.get().ordinal() - 1]);
        }
    }

    public void loadArtefacts() {
        session.executor().submit("Listing artefacts", progress -> session.client().listAllArtefacts(null),
                artefacts::setAll, failure -> {
                    artefacts.setAll(session.store().artefacts().all());
                    error.set("Showing the cached artefacts: " + ErrorMessages.headline(failure));
                });
    }

    /** An artefact made with "new artefact" becomes the choice. */
    public void created(Artefact made) {
        artefacts.add(0, made);
        artefact.set(made);
    }

    /** Freezes the previewed targets and starts the rollout; {@code started} hears its run. */
    public void start(Consumer<RolloutRun> started) {
        RolloutPlan chosen = plan.planProperty().get();
        Artefact chosenArtefact = artefact.get();
        if (chosen == null || chosenArtefact == null || targets.devices().isEmpty()) {
            return;
        }
        review.cancel();
        error.set("");
        starting.set(true);
        var set = targets.targetSet();
        session.executor().submit("Starting the rollout of " + chosenArtefact.name(),
                progress -> rollouts.start(chosenArtefact, set, chosen), run -> {
                    starting.set(false);
                    started.accept(run);
                }, failure -> {
                    starting.set(false);
                    error.set(ErrorMessages.describe(failure));
                });
    }
}
