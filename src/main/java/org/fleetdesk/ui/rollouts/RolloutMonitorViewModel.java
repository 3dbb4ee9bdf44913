package org.fleetdesk.ui.rollouts;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.fleetdesk.rollout.Rollout;
import org.fleetdesk.rollout.RolloutListener;
import org.fleetdesk.rollout.RolloutProgress;
import org.fleetdesk.rollout.RolloutRun;
import org.fleetdesk.rollout.RolloutSample;
import org.fleetdesk.rollout.RolloutState;
import org.fleetdesk.rollout.RolloutTarget;
import org.fleetdesk.rollout.Rollouts;
import org.fleetdesk.rollout.StatusCounts;
import org.fleetdesk.rollout.TargetStatus;
import org.fleetdesk.rollout.Wave;
import org.fleetdesk.rollout.WaveProgress;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.Session;

/**
 * One rollout on the monitor: counts per status overall and per wave, the counts over time, the time left, every
 * target with its status and reason (filterable by status), and pause, resume, abort and "retry failed devices". Live
 * while the rollout runs in this process; from the journal otherwise (after a restart: resume it from here).
 */
public final class RolloutMonitorViewModel {
    private static final long TARGETS_RELOAD_MILLIS = 1000;
    private static final long SAMPLE_MILLIS = 1000;

    private final Session session;
    private final Rollouts rollouts;
    private final String rolloutId;
    private final ObjectProperty<Rollout> rollout = new SimpleObjectProperty<>();
    private final ObjectProperty<StatusCounts> counts = new SimpleObjectProperty<>(StatusCounts.NONE);
    private final ObservableList<WaveProgress> waves = FXCollections.observableArrayList();
    private final ObservableList<RolloutSample> samples = FXCollections.observableArrayList();
    private final ObservableList<RolloutTarget> targets = FXCollections.observableArrayList();
    private final FilteredList<RolloutTarget> shownTargets = new FilteredList<>(targets);
    private final ObjectProperty<TargetStatus> filter = new SimpleObjectProperty<>();
    private final StringProperty state = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty live = new SimpleBooleanProperty();
    private final ObjectProperty<RolloutState> rolloutState = new SimpleObjectProperty<>();
    private final Consumer<RolloutProgress> onEnded;
    private final RolloutListener listener = progress -> runOnUi(() -> apply(progress));
    private RolloutRun run;
    private long lastTargetsLoad;
    private long lastSample;

    /** {@code onEnded} hears the last progress of a run watched here (for a notification). */
    public RolloutMonitorViewModel(Session session, Rollouts rollouts, String rolloutId,
                                   Consumer<RolloutProgress> onEnded) {
        this.session = session;
        this.rollouts = rollouts;
        this.rolloutId = rolloutId;
        this.onEnded = onEnded;
        filter.addListener((o, was, now) -> shownTargets.setPredicate(now == null ? null : t -> t.status() == now));
    }

    public ObjectProperty<Rollout> rolloutProperty() {
        return rollout;
    }

    public ObjectProperty<StatusCounts> countsProperty() {
        return counts;
    }

    public ObservableList<WaveProgress> waves() {
        return waves;
    }

    public ObservableList<RolloutSample> samples() {
        return samples;
    }

    /** The targets with the filter's status (all when the filter is null). */
    public ObservableList<RolloutTarget> shownTargets() {
        return shownTargets;
    }

    public ObjectProperty<TargetStatus> filterProperty() {
        return filter;
    }

    /** The rollout's state in words: running, paused, completed, stopped, aborted, halted, or interrupted. */
    public StringProperty stateProperty() {
        return state;
    }

    public ObjectProperty<RolloutState> rolloutStateProperty() {
        return rolloutState;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty etaProperty() {
        return eta;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** True while the rollout runs in this process (pause, resume and abort act at once). */
    public BooleanProperty liveProperty() {
        return live;
    }

    public String rolloutId() {
        return rolloutId;
    }

    public Session session() {
        return session;
    }

    /** Loads the rollout from the journal and follows its run if it runs here. */
    public void open() {
        rollouts.live(rolloutId).ifPresent(this::follow);
        reload();
    }

    public void close() {
        if (run != null) {
            run.removeListener(listener);
        }
    }

    public void pause() {
        if (run != null) {
            run.pause();
        }
    }

    /** Resumes a paused run, or continues a rollout that is not running here (interrupted, halted). */
    public void resume() {
        if (run != null) {
            run.resume();
            return;
        }
        act("Resuming rollout " + rolloutId, () -> rollouts.resume(rolloutId), this::follow);
    }

    public void abort() {
        if (run != null) {
            run.abort();
            return;
        }
        act("Aborting rollout " + rolloutId, () -> rollouts.abort(rolloutId).orElse(null), started -> {
            if (started != null) {
                follow(started);
            } else {
                reload();
            }
        });
    }

    /** Starts a new rollout of the same artefact and plan to this one's failed devices. */
    public void retryFailed(Consumer<RolloutRun> started) {
        act("Retrying the failed devices of " + rolloutId, () -> rollouts.retryFailed(rolloutId), started);
    }

    private interface Action<T> {
        T run();
    }

    private <T> void act(String title, Action<T> action, Consumer<T> then) {
        error.set("");
        session.executor().submit(title, progress -> action.run(), then,
                failure -> error.set(ErrorMessages.describe(failure)));
    }

    private void follow(RolloutRun started) {
        if (run != null) {
            run.removeListener(listener);
        }
        run = started;
        live.set(true);
        run.addListener(listener);
        apply(run.progress());
    }

    private void apply(RolloutProgress progress) {
        counts.set(progress.counts());
        waves.setAll(progress.waves());
        rolloutState.set(progress.state());
        state.set(progress.ended() ? progress.state().apiName() : StatusStyle.state(progress.state(), true));
        reason.set(progress.reason() == null ? "" : progress.reason());
        eta.set(progress.remaining().map(RolloutMonitorViewModel::words).map(w -> "about " + w + " left").orElse(""));
        long now = System.currentTimeMillis();
        if (now - lastSample >= SAMPLE_MILLIS || progress.ended()) {
            lastSample = now;
            samples.add(new RolloutSample(progress.at(), progress.counts()));
        }
        if (progress.ended()) {
            if (run != null) {
                run.removeListener(listener);
                run = null;
                onEnded.accept(progress);
            }
            live.set(false);
            reload();
        } else if (now - lastTargetsLoad >= TARGETS_RELOAD_MILLIS) {
            lastTargetsLoad = now;
            loadTargets();
        }
    }

    private void reload() {
        session.executor().submit("Reading rollout " + rolloutId, progress -> new Journalled(
                rollouts.journal().rollout(rolloutId).orElseThrow(), rollouts.journal().targets(rolloutId),
                rollouts.journal().samples(rolloutId)), this::show, failure -> error.set(ErrorMessages.describe(failure)));
    }

    private record Journalled(Rollout rollout, List<RolloutTarget> targets, List<RolloutSample> samples) {
    }

    private void show(Journalled journalled) {
        Rollout r = journalled.rollout();
        rollout.set(r);
        targets.setAll(journalled.targets());
        if (run != null) {
            return;
        }
        samples.setAll(journalled.samples());
        counts.set(r.counts());
        rolloutState.set(r.state());
        state.set(StatusStyle.state(r.state(), false));
        reason.set(r.reason() == null ? "" : r.reason());
        eta.set("");
        waves.setAll(r.plan().waves(journalled.targets().size()).stream()
                .map(wave -> new WaveProgress(wave, countsOf(journalled.targets(), wave))).toList());
    }

    private void loadTargets() {
        session.executor().submit("Reading the targets of " + rolloutId, progress -> rollouts.journal().targets(rolloutId),
                targets::setAll, failure -> { });
    }

    private static StatusCounts countsOf(List<RolloutTarget> targets, Wave wave) {
        java.util.Map<TargetStatus, Integer> map = new java.util.EnumMap<>(TargetStatus.class);
        targets.stream().filter(t -> t.wave() == wave.index()).forEach(t -> map.merge(t.status(), 1, Integer::sum));
        return StatusCounts.of(map);
    }

    private void runOnUi(Runnable action) {
        session.executor().runOnUiThread(action);
    }

    static String words(Duration duration) {
        long seconds = Math.max(1, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        return seconds < 3600 ? seconds / 60 + " min " + seconds % 60 + " s"
                : seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
