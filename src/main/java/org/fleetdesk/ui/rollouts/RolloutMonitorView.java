package org.fleetdesk.ui.rollouts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fleetdesk.rollout.RolloutRun;
import org.fleetdesk.rollout.RolloutSample;
import org.fleetdesk.rollout.RolloutState;
import org.fleetdesk.rollout.RolloutTarget;
import org.fleetdesk.rollout.StatusCounts;
import org.fleetdesk.rollout.TargetStatus;
import org.fleetdesk.rollout.WaveProgress;
import org.fleetdesk.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The monitor of one rollout: counts, stacked bars overall and per wave, states over time, ETA, devices, controls. */
final class RolloutMonitorView {
    private static final int CHART_POINTS = 240;
    private static final List<TargetStatus> COUNTED = List.of(TargetStatus.SUCCEEDED, TargetStatus.FAILED,
            TargetStatus.TIMED_OUT, TargetStatus.IN_PROGRESS, TargetStatus.PENDING, TargetStatus.WAITING,
            TargetStatus.CANCELLED, TargetStatus.SKIPPED);

    private final RolloutMonitorViewModel model;
    private final VBox root = new VBox(10);
    private final HBox countsRow = new HBox(18);
    private final StackedBar overall = new StackedBar(false);
    private final GridPane wavesGrid = new GridPane();
    private final StackedAreaChart<Number, Number> chart = new StackedAreaChart<>(new NumberAxis(), new NumberAxis());

    RolloutMonitorView(RolloutMonitorViewModel model, java.util.function.Consumer<RolloutRun> retried) {
        this.model = model;
        root.setPadding(new Insets(12, 16, 12, 16));
        root.setId("rollout-monitor");

        Label title = new Label();
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> model.rolloutProperty().get() == null ? ""
                : model.rolloutProperty().get().name(), model.rolloutProperty()));
        title.setWrapText(true);
        Label state = new Label();
        state.setId("rollout-state");
        state.getStyleClass().add("state-label");
        state.textProperty().bind(model.stateProperty());
        model.stateProperty().addListener((o, was, now) -> {
            state.getStyleClass().removeAll(was);
            state.getStyleClass().add(now);
        });
        state.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(10, title, state);
        header.setAlignment(Pos.CENTER_LEFT);

        Label reason = new Label();
        reason.setWrapText(true);
        reason.getStyleClass().add("warning-text");
        reason.textProperty().bind(model.reasonProperty());
        reason.managedProperty().bind(model.reasonProperty().isNotEmpty());
        Label plan = new Label();
        plan.getStyleClass().add("muted");
        plan.textProperty().bind(Bindings.createStringBinding(() -> model.rolloutProperty().get() == null ? ""
                : model.rolloutProperty().get().artefactName() + " to " + model.rolloutProperty().get()
                .targetsDescription() + ": " + model.rolloutProperty().get().plan().summary() + ".",
                model.rolloutProperty()));
        plan.setWrapText(true);
        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotEmpty());

        Label eta = new Label();
        eta.textProperty().bind(model.etaProperty());
        eta.getStyleClass().add("muted");
        model.countsProperty().addListener((o, was, now) -> showCounts(now));
        showCounts(model.countsProperty().get());
        HBox overallRow = new HBox(10, overall, eta);
        HBox.setHgrow(overall, Priority.ALWAYS);
        overallRow.setAlignment(Pos.CENTER_LEFT);

        wavesGrid.setHgap(10);
        wavesGrid.setVgap(4);
        model.waves().addListener((ListChangeListener<WaveProgress>) c -> showWaves());

        chart.setAnimated(false);
        chart.getStyleClass().add("states-chart");
        chart.setCreateSymbols(false);
        chart.setPrefHeight(240);
        chart.setMinHeight(200);
        chart.setLegendVisible(true);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        ((NumberAxis) chart.getYAxis()).setLabel("devices");
        model.samples().addListener((ListChangeListener<RolloutSample>) c -> showChart());

        root.getChildren().addAll(header, plan, controls(retried), reason, error, countsRow, overallRow, wavesGrid,
                chart, devices());
        VBox.setVgrow(root.getChildren().get(root.getChildren().size() - 1), Priority.ALWAYS);
    }

    Node node() {
        return root;
    }

    private HBox controls(java.util.function.Consumer<RolloutRun> retried) {
        Button pause = new Button("Pause", Icons.icon(MaterialDesignP.PAUSE));
        pause.setId("rollout-pause");
        pause.setOnAction(e -> model.pause());
        pause.disableProperty().bind(model.liveProperty().not()
                .or(model.rolloutStateProperty().isNotEqualTo(RolloutState.RUNNING)));
        Button resume = new Button("Resume", Icons.icon(MaterialDesignP.PLAY));
        resume.setId("rollout-resume");
        resume.setOnAction(e -> model.resume());
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            RolloutState s = model.rolloutStateProperty().get();
            boolean live = model.liveProperty().get();
            return s == null || !s.isResumable() || (live && s != RolloutState.PAUSED);
        }, model.rolloutStateProperty(), model.liveProperty()).or(model.session().writableProperty().not()));
        Button abort = new Button("Abort", Icons.icon(MaterialDesignS.STOP));
        abort.setId("rollout-abort");
        abort.setOnAction(e -> model.abort());
        abort.disableProperty().bind(Bindings.createBooleanBinding(() -> model.rolloutStateProperty().get() == null
                || model.rolloutStateProperty().get().isFinal(), model.rolloutStateProperty()));
        Button retry = new Button("Retry failed devices", Icons.icon(MaterialDesignR.RESTART));
        retry.setId("rollout-retry");
        retry.setOnAction(e -> model.retryFailed(retried));
        retry.disableProperty().bind(Bindings.createBooleanBinding(() -> model.liveProperty().get()
                || model.countsProperty().get().failures() == 0, model.liveProperty(), model.countsProperty())
                .or(model.session().writableProperty().not()));
        HBox controls = new HBox(6, pause, resume, abort, retry);
        controls.getChildren().forEach(button -> ((Button) button).setMinWidth(Region.USE_PREF_SIZE));
        return controls;
    }

    private void showCounts(StatusCounts counts) {
        countsRow.getChildren().clear();
        for (TargetStatus status : COUNTED) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("legend-swatch", StatusStyle.styleClass(status));
            Label value = new Label(Integer.toString(counts.get(status)));
            value.getStyleClass().add("count-value");
            value.setId("count-" + status.apiName());
            Label name = new Label(StatusStyle.label(status), swatch);
            name.getStyleClass().add("count-label");
            countsRow.getChildren().add(new VBox(0, value, name));
        }
        overall.setCounts(counts);
    }

    private void showWaves() {
        wavesGrid.getChildren().clear();
        int row = 0;
        for (WaveProgress wave : model.waves()) {
            StackedBar bar = new StackedBar(true);
            bar.setCounts(wave.counts());
            bar.setPrefWidth(420);
            Label label = new Label(wave.wave().label());
            label.setMinWidth(70);
            Label done = new Label(wave.counts().done() + " / " + wave.wave().size() + " done");
            done.getStyleClass().add("muted");
            wavesGrid.addRow(row++, label, bar, done);
            GridPane.setHgrow(bar, Priority.ALWAYS);
        }
    }

    private void showChart() {
        List<RolloutSample> samples = model.samples();
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        for (String name : new String[] {"Succeeded", "Failed", "In progress", "Waiting", "Cancelled, skipped"}) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(name);
            series.add(s);
        }
        boolean minutes = samples.size() > 1 && Duration.between(samples.get(0).at(),
                samples.get(samples.size() - 1).at()).toSeconds() > 120;
        ((NumberAxis) chart.getXAxis()).setLabel(minutes ? "minutes" : "seconds");
        if (!samples.isEmpty()) {
            Instant start = samples.get(0).at();
            int step = Math.max(1, samples.size() / CHART_POINTS);
            for (int i = 0; i < samples.size(); i += step) {
                add(series, start, samples.get(i), minutes);
            }
            if ((samples.size() - 1) % step != 0) {
                add(series, start, samples.get(samples.size() - 1), minutes);
            }
        }
        chart.getData().setAll(series);
    }

    private static void add(List<XYChart.Series<Number, Number>> series, Instant start, RolloutSample sample,
                            boolean minutes) {
        double elapsed = Duration.between(start, sample.at()).toMillis() / (minutes ? 60000.0 : 1000.0);
        StatusCounts c = sample.counts();
        int[] values = {c.succeeded(), c.failures(),
                c.get(TargetStatus.SENDING) + c.get(TargetStatus.PENDING) + c.get(TargetStatus.IN_PROGRESS),
                c.get(TargetStatus.WAITING), c.get(TargetStatus.CANCELLED) + c.get(TargetStatus.SKIPPED)};
        for (int i = 0; i < values.length; i++) {
            series.get(i).getData().add(new XYChart.Data<>(elapsed, values[i]));
        }
    }

    private VBox devices() {
        ComboBox<TargetStatus> filter = new ComboBox<>();
        filter.getItems().add(null);
        filter.getItems().addAll(TargetStatus.values());
        filter.setId("device-filter");
        filter.setButtonCell(statusCell());
        filter.setCellFactory(list -> statusCell());
        filter.valueProperty().bindBidirectional(model.filterProperty());
        Label heading = new Label("Devices");
        heading.setStyle("-fx-font-weight: bold;");
        HBox top = new HBox(10, heading, filter);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<RolloutTarget> table = new TableView<>(model.shownTargets());
        table.setId("rollout-devices");
        table.getColumns().add(column("Device", 200, RolloutTarget::deviceName));
        table.getColumns().add(column("Wave", 70, t -> model.waves().size() > t.wave()
                ? model.waves().get(t.wave()).wave().label() : Integer.toString(t.wave())));
        table.getColumns().add(column("Status", 100, t -> StatusStyle.label(t.status())));
        table.getColumns().add(column("Reason", 280, RolloutTarget::reason));
        table.getColumns().add(column("Deployment", 140, RolloutTarget::deploymentId));
        TableColumn<RolloutTarget, Number> attempts = new TableColumn<>("Attempts");
        attempts.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().attempts()));
        table.getColumns().add(attempts);
        table.setPlaceholder(new Label("No device in this state."));
        table.setPrefHeight(240);
        VBox box = new VBox(6, top, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private static ListCell<TargetStatus> statusCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(TargetStatus status, boolean empty) {
                super.updateItem(status, empty);
                setText(empty ? null : status == null ? "All states" : StatusStyle.label(status));
            }
        };
    }

    private static TableColumn<RolloutTarget, String> column(String name, double width,
                                                            java.util.function.Function<RolloutTarget, String> value) {
        TableColumn<RolloutTarget, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
