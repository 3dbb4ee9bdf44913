package org.fleetdesk.ui.rollouts;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.query.QueryValidator;
import org.fleetdesk.rollout.RolloutPlan;
import org.fleetdesk.rollout.RolloutRun;
import org.fleetdesk.rollout.RolloutState;
import org.fleetdesk.rollout.Rollouts;
import org.fleetdesk.rollout.SupersedeCheck;
import org.fleetdesk.rollout.TargetSet;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.RunningTask;
import org.fleetdesk.ui.common.Session;

/**
 * The rollout wizard: artefact → targets (a query evaluated on the cache, or the given selection; count, preview, old
 * clients flagged) → plan (with its plain-words summary) → review (pending deployments that will be replaced, billing)
 * → start. The targets previewed are the ones the rollout freezes.
 */
public final class RolloutWizardViewModel {
    public enum Step { ARTEFACT, TARGETS, PLAN, REVIEW }

    public enum WaveMode { ALL_AT_ONCE, BY_SIZE, BY_PERCENTAGES }

    /** Above this many targets the review does not ask each device for its pending deployments by itself. */
    static final int AUTOMATIC_CHECK_LIMIT = 200;
    static final int PREVIEW_SIZE = 200;

    private final Session session;
    private final Rollouts rollouts;
    private final List<Device> selection;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.ARTEFACT);
    private final ObservableList<Artefact> artefacts = FXCollections.observableArrayList();
    private final ObjectProperty<Artefact> artefact = new SimpleObjectProperty<>();
    private final BooleanProperty useSelection = new SimpleBooleanProperty();
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty queryWarning = new SimpleStringProperty("");
    private final ObservableList<Device> preview = FXCollections.observableArrayList();
    private final IntegerProperty targetCount = new SimpleIntegerProperty(-1);
    private final IntegerProperty oldClients = new SimpleIntegerProperty();
    private final IntegerProperty canary = new SimpleIntegerProperty(0);
    private final ObjectProperty<WaveMode> waveMode = new SimpleObjectProperty<>(WaveMode.ALL_AT_ONCE);
    private final IntegerProperty waveSize = new SimpleIntegerProperty(25);
    private final StringProperty wavePercentages = new SimpleStringProperty("10,25,50,100");
    private final DoubleProperty maxFailurePct = new SimpleDoubleProperty(RolloutPlan.DEFAULT_MAX_FAILURE_PCT);
    private final StringProperty minFinished = new SimpleStringProperty("");
    private final IntegerProperty concurrency = new SimpleIntegerProperty(RolloutPlan.DEFAULT_CONCURRENCY);
    private final IntegerProperty timeoutMinutes = new SimpleIntegerProperty(RolloutPlan.DEFAULT_TIMEOUT_MINUTES);
    private final ObjectProperty<RolloutPlan> plan = new SimpleObjectProperty<>();
    private final StringProperty planError = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObservableList<SupersedeCheck.Superseded> superseded = FXCollections.observableArrayList();
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final StringProperty checkNote = new SimpleStringProperty("");
    private final StringProperty billingNote = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty starting = new SimpleBooleanProperty();
    private List<Device> targets = List.of();
    private long evaluation;
    private RunningTask check;

    public RolloutWizardViewModel(Session session, Rollouts rollouts, List<Device> selection) {
        this.session = session;
        this.rollouts = rollouts;
        this.selection = List.copyOf(selection);
        useSelection.set(!this.selection.isEmpty());
        query.addListener((o, was, now) -> evaluateTargets());
        useSelection.addListener((o, was, now) -> evaluateTargets());
        for (javafx.beans.Observable field : List.of(canary, waveMode, waveSize, wavePercentages, maxFailurePct,
                minFinished, concurrency, timeoutMinutes)) {
            field.addListener(o -> updatePlan());
        }
        updatePlan();
    }

    // ---- navigation ----

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public BooleanBinding canNextProperty() {
        return Bindings.createBooleanBinding(() -> switch (step.get()) {
            case ARTEFACT -> artefact.get() != null;
            case TARGETS -> targetCount.get() > 0;
            case PLAN -> plan.get() != null;
            case REVIEW -> false;
        }, step, artefact, targetCount, plan);
    }

    public BooleanBinding canStartProperty() {
        return step.isEqualTo(Step.REVIEW).and(starting.not()).and(session.writableProperty());
    }

    public void next() {
        if (!canNextProperty().get()) {
            return;
        }
        step.set(Step.values()[step.get().ordinal() + 1]);
        if (step.get() == Step.TARGETS) {
            evaluateTargets();
        } else if (step.get() == Step.REVIEW) {
            review();
        }
    }

    public void back() {
        if (step.get() != Step.ARTEFACT) {
            cancelCheck();
            step.set(Step.values()[step.get().ordinal() - 1]);
        }
    }

    // ---- artefact ----

    public ObservableList<Artefact> artefacts() {
        return artefacts;
    }

    public ObjectProperty<Artefact> artefactProperty() {
        return artefact;
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

    // ---- targets ----

    public boolean hasSelection() {
        return !selection.isEmpty();
    }

    public BooleanProperty useSelectionProperty() {
        return useSelection;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty queryWarningProperty() {
        return queryWarning;
    }

    /** The first {@value #PREVIEW_SIZE} targets. */
    public ObservableList<Device> preview() {
        return preview;
    }

    /** How many devices the rollout will deploy to (-1 while counting). */
    public IntegerProperty targetCountProperty() {
        return targetCount;
    }

    public IntegerProperty oldClientsProperty() {
        return oldClients;
    }

    private void evaluateTargets() {
        long mine = ++evaluation;
        boolean selected = useSelection.get();
        String text = query.get();
        queryWarning.set(selected ? "" : QueryValidator.validate(text).stream().findFirst()
                .map(Object::toString).orElse(""));
        session.executor().submit("Counting the targets", progress -> selected ? selection
                : session.store().index().matching(QueryParser.parse(text), DeviceSort.BY_NAME), found -> {
                    if (mine != evaluation) {
                        return;
                    }
                    targets = List.copyOf(found);
                    targetCount.set(found.size());
                    oldClients.set((int) found.stream().filter(Device::isOldClient).count());
                    preview.setAll(found.subList(0, Math.min(PREVIEW_SIZE, found.size())));
                }, failure -> error.set(ErrorMessages.describe(failure)));
    }

    // ---- plan ----

    public IntegerProperty canaryProperty() {
        return canary;
    }

    public ObjectProperty<WaveMode> waveModeProperty() {
        return waveMode;
    }

    public IntegerProperty waveSizeProperty() {
        return waveSize;
    }

    public StringProperty wavePercentagesProperty() {
        return wavePercentages;
    }

    public DoubleProperty maxFailurePctProperty() {
        return maxFailurePct;
    }

    /** Blank: the default (the canary size, or 5). */
    public StringProperty minFinishedProperty() {
        return minFinished;
    }

    public IntegerProperty concurrencyProperty() {
        return concurrency;
    }

    public IntegerProperty timeoutMinutesProperty() {
        return timeoutMinutes;
    }

    /** The plan, or null while the fields do not make one ({@link #planErrorProperty()} says why). */
    public ObjectProperty<RolloutPlan> planProperty() {
        return plan;
    }

    public StringProperty planErrorProperty() {
        return planError;
    }

    /** "5 canary devices, then 25% waves; stop if more than 10% fail." and the details. */
    public StringProperty summaryProperty() {
        return summary;
    }

    private void updatePlan() {
        try {
            RolloutPlan made = new RolloutPlan(canary.get(),
                    waveMode.get() == WaveMode.BY_SIZE ? waveSize.get() : null,
                    waveMode.get() == WaveMode.BY_PERCENTAGES ? percentages(wavePercentages.get()) : List.of(),
                    maxFailurePct.get(), minFinished(minFinished.get()), concurrency.get(), timeoutMinutes.get());
            plan.set(made);
            planError.set("");
            summary.set(capitalised(made.summary()) + ".\n" + made.details());
        } catch (InvalidInputException e) {
            plan.set(null);
            planError.set(e.getMessage());
            summary.set("");
        }
    }

    private static List<Integer> percentages(String text) {
        try {
            return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf)
                    .toList();
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Wave percentages are whole numbers separated by commas, e.g. 10,25,50,100.");
        }
    }

    private static Integer minFinished(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("\"" + text.strip() + "\" is not a number of deployments: leave it empty"
                    + " for the default, or enter a whole number.");
        }
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // ---- review ----

    public ObservableList<SupersedeCheck.Superseded> superseded() {
        return superseded;
    }

    public BooleanProperty checkingProperty() {
        return checking;
    }

    /** What the check for pending deployments found or is doing. */
    public StringProperty checkNoteProperty() {
        return checkNote;
    }

    public StringProperty billingNoteProperty() {
        return billingNote;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public List<Device> targets() {
        return targets;
    }

    private void review() {
        superseded.clear();
        billingNote.set(rollouts.journal().rollouts().stream()
                .filter(r -> r.state() == RolloutState.HALTED && r.reason() != null
                        && r.reason().toLowerCase(java.util.Locale.ROOT).contains("billing"))
                .findFirst().map(r -> "Rollout " + r.id() + " was halted by the API: " + r.reason() + ". Set up billing"
                        + " in the Connect dashboard first, or this rollout halts at its first deployment too.")
                .orElse("Billing is checked by the API at the first deployment: if the trial has ended without billing,"
                        + " the rollout halts at once with the API's message and nothing more is sent."));
        if (targets.size() <= AUTOMATIC_CHECK_LIMIT) {
            checkPending();
        } else {
            checkNote.set("Not yet checked whether some of the " + targets.size() + " devices have a pending deployment"
                    + " this rollout would replace (one request per device).");
        }
    }

    /** Asks each target for its pending deployments (they would be replaced); cancellable. */
    public void checkPending() {
        cancelCheck();
        checking.set(true);
        checkNote.set("Checking " + targets.size() + " devices for pending deployments…");
        List<Device> checked = targets;
        int concurrency = plan.get() == null ? RolloutPlan.DEFAULT_CONCURRENCY : plan.get().concurrency();
        check = session.executor().submit("Checking for pending deployments", progress -> SupersedeCheck.find(
                session.client(), checked.stream().map(org.fleetdesk.rollout.Target::of).toList(), concurrency,
                done -> progress.update(done, checked.size(), "Checked " + done + " of " + checked.size()),
                progress::isCancelled), result -> {
                    checking.set(false);
                    superseded.setAll(result);
                    checkNote.set(result.isEmpty() ? "None of the " + checked.size() + " devices has a pending"
                            + " deployment." : result.size() + " of the devices have a pending deployment: this"
                            + " rollout replaces it (the API marks it failed, superseded).");
                }, failure -> {
                    checking.set(false);
                    checkNote.set(failure instanceof java.util.concurrent.CancellationException
                            ? "The check for pending deployments was stopped."
                            : "Could not check for pending deployments: " + ErrorMessages.headline(failure));
                });
    }

    public void cancelCheck() {
        if (check != null) {
            check.cancel();
        }
    }

    /** Freezes the previewed targets and starts the rollout; {@code started} hears its run. */
    public void start(Consumer<RolloutRun> started) {
        RolloutPlan chosen = plan.get();
        Artefact chosenArtefact = artefact.get();
        if (chosen == null || chosenArtefact == null || targets.isEmpty()) {
            return;
        }
        cancelCheck();
        error.set("");
        starting.set(true);
        TargetSet set = useSelection.get() ? TargetSet.ofDevices(targets) : TargetSet.matching(query.get(), targets);
        session.executor().submit("Starting the rollout of " + chosenArtefact.name(),
                progress -> rollouts.start(chosenArtefact, set, chosen), run -> {
                    starting.set(false);
                    started.accept(run);
                }, failure -> {
                    starting.set(false);
                    error.set(ErrorMessages.describe(failure));
                });
    }

    public Session session() {
        return session;
    }
}
