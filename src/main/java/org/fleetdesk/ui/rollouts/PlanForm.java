package org.fleetdesk.ui.rollouts;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.rollout.RolloutPlan;

/** The wizard's plan step: the fields, the plan they make (or why they make none), and its plain-words summary. */
public final class PlanForm {
    public enum WaveMode { ALL_AT_ONCE, BY_SIZE, BY_PERCENTAGES }

    private final IntegerProperty canary = new SimpleIntegerProperty(0);
    private final ObjectProperty<WaveMode> waveMode = new SimpleObjectProperty<>(WaveMode.ALL_AT_ONCE);
    private final IntegerProperty waveSize = new SimpleIntegerProperty(25);
    private final StringProperty wavePercentages = new SimpleStringProperty("10,25,50,100");
    private final DoubleProperty maxFailurePct = new SimpleDoubleProperty(RolloutPlan.DEFAULT_MAX_FAILURE_PCT);
    private final StringProperty minFinished = new SimpleStringProperty("");
    private final IntegerProperty concurrency = new SimpleIntegerProperty(RolloutPlan.DEFAULT_CONCURRENCY);
    private final IntegerProperty timeoutMinutes = new SimpleIntegerProperty(RolloutPlan.DEFAULT_TIMEOUT_MINUTES);
    private final ObjectProperty<RolloutPlan> plan = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");

    public PlanForm() {
        for (javafx.beans.Observable field : List.of(canary, waveMode, waveSize, wavePercentages, maxFailurePct,
                minFinished, concurrency, timeoutMinutes)) {
            field.addListener(o -> update());
        }
        update();
    }

    public IntegerProperty canaryProperty() {
        return canary;
    }

    public ObjectProperty<WaveMode> waveModeProperty() {
        return waveMode;
    }

    public IntegerProperty waveSizeProperty() {
        return waveSize;
    }

    /** Comma-separated, rising to 100. */
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

    /** The plan, or null while the fields do not make one ({@link #errorProperty()} says why). */
    public ObjectProperty<RolloutPlan> planProperty() {
        return plan;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** "5 canary devices, then 25% waves; stop if more than 10% fail." then the details. */
    public StringProperty summaryProperty() {
        return summary;
    }

    private void update() {
        try {
            RolloutPlan made = new RolloutPlan(canary.get(),
                    waveMode.get() == WaveMode.BY_SIZE ? waveSize.get() : null,
                    waveMode.get() == WaveMode.BY_PERCENTAGES ? percentages(wavePercentages.get()) : List.of(),
                    maxFailurePct.get(), minFinished(minFinished.get()), concurrency.get(), timeoutMinutes.get());
            plan.set(made);
            error.set("");
            String words = made.summary();
            summary.set(Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".\n" + made.details());
        } catch (InvalidInputException e) {
            plan.set(null);
            error.set(e.getMessage());
            summary.set("");
        }
    }

    private static List<Integer> percentages(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("Give the wave percentages, e.g. 10,25,50,100, or choose another way of"
                    + " splitting the rollout into waves.");
        }
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
}
