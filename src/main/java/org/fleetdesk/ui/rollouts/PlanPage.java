package org.fleetdesk.ui.rollouts;

import javafx.beans.property.Property;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.fleetdesk.ui.rollouts.PlanForm.WaveMode;

/** The wizard's plan page: canary, waves, threshold, concurrency, timeout, and the plan in plain words. */
final class PlanPage {
    private PlanPage() {
    }

    static Node of(PlanForm model) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        Spinner<Integer> canary = spinner(0, 100_000, model.canaryProperty());
        canary.setId("plan-canary");
        grid.addRow(0, new Label("Canary devices"), Pages.row(canary, Pages.muted("first, alone; 0 for no canary")));

        ToggleGroup waves = new ToggleGroup();
        RadioButton all = radio("All at once", waves, WaveMode.ALL_AT_ONCE);
        RadioButton bySize = radio("Waves of", waves, WaveMode.BY_SIZE);
        bySize.setId("plan-by-size");
        RadioButton byList = radio("Waves up to", waves, WaveMode.BY_PERCENTAGES);
        waves.selectedToggleProperty().addListener((o, was, now) ->
                model.waveModeProperty().set((WaveMode) now.getUserData()));
        all.setSelected(true);
        Spinner<Integer> size = spinner(1, 100, model.waveSizeProperty());
        size.setId("plan-wave-size");
        size.disableProperty().bind(bySize.selectedProperty().not());
        TextField list = new TextField();
        list.textProperty().bindBidirectional(model.wavePercentagesProperty());
        list.disableProperty().bind(byList.selectedProperty().not());
        list.setPrefColumnCount(12);
        grid.addRow(1, new Label("Then"), new VBox(6, all, Pages.row(bySize, size, new Label("% of the devices each")),
                Pages.row(byList, list, new Label("% of the devices"))));

        Spinner<Double> failures = new Spinner<>(0.0, 100.0, model.maxFailurePctProperty().get(), 1.0);
        failures.setId("plan-max-failure");
        editable(failures, model.maxFailurePctProperty());
        grid.addRow(2, new Label("Stop if more than"), Pages.row(failures,
                new Label("% of the finished deployments fail")));
        TextField minFinished = new TextField();
        minFinished.setPromptText("canary size, or 5");
        minFinished.textProperty().bindBidirectional(model.minFinishedProperty());
        grid.addRow(3, new Label("Check once"), Pages.row(minFinished, new Label("deployments have finished")));
        grid.addRow(4, new Label("At a time"), Pages.row(spinner(1, 64, model.concurrencyProperty()),
                new Label("deployments")));
        grid.addRow(5, new Label("Time out after"), Pages.row(spinner(1, 10_080, model.timeoutMinutesProperty()),
                new Label("minutes (counts as failed)")));

        Label summary = new Label();
        summary.setId("plan-summary");
        summary.getStyleClass().add("plan-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.textProperty().bind(model.errorProperty());
        return new VBox(12, Pages.heading("How to proceed"), grid, summary, error);
    }

    private static RadioButton radio(String text, ToggleGroup group, WaveMode mode) {
        RadioButton button = new RadioButton(text);
        button.setToggleGroup(group);
        button.setUserData(mode);
        return button;
    }

    private static Spinner<Integer> spinner(int min, int max, Property<Number> value) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.getValue().intValue());
        editable(spinner, value);
        return spinner;
    }

    /**
     * Typed numbers count at once (the summary follows), not only after Enter; spinner and property stay equal
     * both ways. (A bidirectional binding to {@code asObject()} holds the adapter only weakly and stops once it is
     * collected.)
     */
    private static <T extends Number> void editable(Spinner<T> spinner, Property<Number> property) {
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        spinner.getEditor().textProperty().addListener((o, was, now) -> {
            try {
                T typed = spinner.getValueFactory().getConverter().fromString(now.strip());
                if (typed != null) {
                    spinner.getValueFactory().setValue(typed);
                }
            } catch (RuntimeException notYetANumber) {
                // Keep the last value until the text is a number again.
            }
        });
        spinner.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(property.getValue())) {
                property.setValue(now);
            }
        });
        property.addListener((o, was, now) -> {
            if (!now.equals(spinner.getValue())) {
                @SuppressWarnings("unchecked")
                T value = (T) now;
                spinner.getValueFactory().setValue(value);
            }
        });
    }
}
