package org.fleetdesk.ui.rollouts;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.Device;
import org.fleetdesk.rollout.RolloutRun;
import org.fleetdesk.rollout.SupersedeCheck;
import org.fleetdesk.ui.artefacts.NewArtefactDialog;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.common.Theme;
import org.fleetdesk.ui.rollouts.RolloutWizardViewModel.Step;
import org.fleetdesk.ui.rollouts.RolloutWizardViewModel.WaveMode;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The rollout wizard window: one page per step, Back / Next, and Start on the review page. */
final class RolloutWizard {
    private final RolloutWizardViewModel model;
    private final Stage stage = new Stage();

    private RolloutWizard(Window owner, RolloutWizardViewModel model, Consumer<RolloutRun> started) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("New rollout");
        StackPane pages = new StackPane(page(Step.ARTEFACT, artefactPage()), page(Step.TARGETS, targetsPage()),
                page(Step.PLAN, planPage()), page(Step.REVIEW, reviewPage()));
        BorderPane root = new BorderPane(pages);
        root.setTop(steps());
        root.setBottom(buttons(started));
        root.setPadding(new Insets(12, 16, 12, 16));
        BorderPane.setMargin(pages, new Insets(10, 0, 10, 0));
        root.getStylesheets().add(RolloutWizard.class.getResource("rollouts.css").toExternalForm());
        Scene scene = new Scene(root, 860, 620);
        scene.getStylesheets().add(Theme.appStylesheet());
        stage.setScene(scene);
        stage.setOnHidden(e -> model.cancelCheck());
    }

    static Stage show(Window owner, RolloutWizardViewModel model, Consumer<RolloutRun> started) {
        RolloutWizard wizard = new RolloutWizard(owner, model, started);
        model.loadArtefacts();
        wizard.stage.show();
        return wizard.stage;
    }

    private Node page(Step step, Node content) {
        content.visibleProperty().bind(model.stepProperty().isEqualTo(step));
        return content;
    }

    private HBox steps() {
        HBox steps = new HBox(4);
        steps.getStyleClass().add("wizard-steps");
        String[] names = {"1  Artefact", "2  Targets", "3  Plan", "4  Review"};
        for (Step step : Step.values()) {
            Label label = new Label(names[step.ordinal()]);
            label.getStyleClass().add("step");
            model.stepProperty().addListener((o, was, now) -> label.getStyleClass().removeAll("current"));
            model.stepProperty().addListener((o, was, now) -> {
                if (now == step) {
                    label.getStyleClass().add("current");
                }
            });
            if (step == Step.ARTEFACT) {
                label.getStyleClass().add("current");
            }
            steps.getChildren().add(label);
        }
        return steps;
    }

    private HBox buttons(Consumer<RolloutRun> started) {
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Button back = new Button("Back");
        back.setId("wizard-back");
        back.setOnAction(e -> model.back());
        back.disableProperty().bind(model.stepProperty().isEqualTo(Step.ARTEFACT));
        Button next = new Button("Next");
        next.setId("wizard-next");
        next.setDefaultButton(true);
        next.setOnAction(e -> model.next());
        next.disableProperty().bind(model.canNextProperty().not());
        next.visibleProperty().bind(model.stepProperty().isNotEqualTo(Step.REVIEW));
        next.managedProperty().bind(next.visibleProperty());
        Button start = new Button("Start rollout", Icons.icon(MaterialDesignP.PLAY));
        start.setId("wizard-start");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> model.start(run -> {
            started.accept(run);
            stage.close();
        }));
        start.disableProperty().bind(model.canStartProperty().not());
        start.visibleProperty().bind(model.stepProperty().isEqualTo(Step.REVIEW));
        start.managedProperty().bind(start.visibleProperty());
        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.textProperty().bind(model.errorProperty());
        error.setMaxWidth(520);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, cancel, error, spacer, back, next, start);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        return buttons;
    }

    // ---- pages ----

    private Node artefactPage() {
        ListView<Artefact> list = new ListView<>(model.artefacts());
        list.setId("wizard-artefacts");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Artefact a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.name() + "    " + a.uri());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.artefactProperty().set(now));
        model.artefactProperty().addListener((o, was, now) -> {
            if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        list.setPlaceholder(new Label("No artefacts yet: create one."));
        Button create = new Button("New artefact…", Icons.icon(MaterialDesignP.PLUS));
        create.setOnAction(e -> NewArtefactDialog.show(stage, model.session(), model::created));
        VBox page = new VBox(8, heading("What to deploy"), list, create);
        VBox.setVgrow(list, Priority.ALWAYS);
        return page;
    }

    private Node targetsPage() {
        ToggleGroup group = new ToggleGroup();
        RadioButton selected = new RadioButton("The devices selected on the Devices screen");
        RadioButton byQuery = new RadioButton("The devices matching a search");
        selected.setToggleGroup(group);
        byQuery.setToggleGroup(group);
        selected.setSelected(model.useSelectionProperty().get());
        byQuery.setSelected(!model.useSelectionProperty().get());
        model.useSelectionProperty().bind(selected.selectedProperty());
        HBox choice = new HBox(16, selected, byQuery);
        choice.setVisible(model.hasSelection());
        choice.setManaged(model.hasSelection());
        TextField query = new TextField();
        query.setId("wizard-query");
        query.setPromptText("e.g. tag:kiosk model:5 — empty for every device");
        query.textProperty().bindBidirectional(model.queryProperty());
        query.disableProperty().bind(selected.selectedProperty());
        Label warning = new Label();
        warning.getStyleClass().add("warning-text");
        warning.textProperty().bind(model.queryWarningProperty());
        warning.managedProperty().bind(model.queryWarningProperty().isNotEmpty());
        Label count = new Label();
        count.setId("wizard-target-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = model.targetCountProperty().get();
            int old = model.oldClientsProperty().get();
            return n < 0 ? "Counting…" : n + " device" + (n == 1 ? "" : "s") + (old == 0 ? ""
                    : " — " + old + " on a Connect client older than 2.9.0 (marked below)");
        }, model.targetCountProperty(), model.oldClientsProperty()));
        count.setStyle("-fx-font-weight: bold;");
        TableView<Device> preview = new TableView<>(model.preview());
        preview.setId("wizard-preview");
        preview.getColumns().add(deviceColumn("Name", 200, Device::name));
        preview.getColumns().add(deviceColumn("Model", 110, d -> d.board() == null ? null : d.board().model()));
        preview.getColumns().add(deviceColumn("OS", 130, d -> d.os() == null ? null : d.os().name() + " "
                + d.os().version()));
        preview.getColumns().add(deviceColumn("Tags", 200, d -> String.join(", ", d.tags())));
        preview.getColumns().add(deviceColumn("Client", 120, d -> d.isOldClient() ? "⚠ before 2.9.0" : "2.9.0 or later"));
        preview.setPlaceholder(new Label("No device matches."));
        preview.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label note = new Label("The rollout deploys to exactly these devices (from the local cache; refresh it first if"
                + " the fleet changed). The preview shows the first " + RolloutWizardViewModel.PREVIEW_SIZE + ".");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        VBox page = new VBox(8, heading("Where to deploy"), choice, query, warning, count, preview, note);
        VBox.setVgrow(preview, Priority.ALWAYS);
        return page;
    }

    private Node planPage() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        Spinner<Integer> canary = intSpinner(0, 100_000, model.canaryProperty().get());
        canary.setId("plan-canary");
        link(canary, model.canaryProperty());
        grid.addRow(0, new Label("Canary devices"), row(canary, hint("first, alone; 0 for no canary")));

        ToggleGroup waves = new ToggleGroup();
        RadioButton all = radio("All at once", waves, WaveMode.ALL_AT_ONCE);
        RadioButton bySize = radio("Waves of", waves, WaveMode.BY_SIZE);
        bySize.setId("plan-by-size");
        RadioButton byList = radio("Waves up to", waves, WaveMode.BY_PERCENTAGES);
        waves.selectedToggleProperty().addListener((o, was, now) ->
                model.waveModeProperty().set((WaveMode) now.getUserData()));
        all.setSelected(true);
        Spinner<Integer> size = intSpinner(1, 100, model.waveSizeProperty().get());
        size.setId("plan-wave-size");
        link(size, model.waveSizeProperty());
        size.disableProperty().bind(bySize.selectedProperty().not());
        TextField list = new TextField();
        list.textProperty().bindBidirectional(model.wavePercentagesProperty());
        list.disableProperty().bind(byList.selectedProperty().not());
        list.setPrefColumnCount(12);
        grid.addRow(1, new Label("Then"), new VBox(6, all, row(bySize, size, new Label("% of the devices each")),
                row(byList, list, new Label("% of the devices"))));

        Spinner<Double> failures = new Spinner<>(0.0, 100.0, model.maxFailurePctProperty().get(), 1.0);
        failures.setEditable(true);
        failures.setPrefWidth(110);
        commitWhileTyping(failures);
        failures.setId("plan-max-failure");
        link(failures, model.maxFailurePctProperty());
        grid.addRow(2, new Label("Stop if more than"), row(failures, new Label("% of the finished deployments fail")));
        TextField minFinished = new TextField();
        minFinished.setPromptText("canary size, or 5");
        minFinished.textProperty().bindBidirectional(model.minFinishedProperty());
        grid.addRow(3, new Label("Check once"), row(minFinished, new Label("deployments have finished")));
        Spinner<Integer> concurrency = intSpinner(1, 64, model.concurrencyProperty().get());
        link(concurrency, model.concurrencyProperty());
        grid.addRow(4, new Label("At a time"), row(concurrency, new Label("deployments")));
        Spinner<Integer> timeout = intSpinner(1, 10_080, model.timeoutMinutesProperty().get());
        link(timeout, model.timeoutMinutesProperty());
        grid.addRow(5, new Label("Time out after"), row(timeout, new Label("minutes (counts as failed)")));

        Label summary = new Label();
        summary.setId("plan-summary");
        summary.getStyleClass().add("plan-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.textProperty().bind(model.planErrorProperty());
        return new VBox(12, heading("How to proceed"), grid, summary, error);
    }

    private Node reviewPage() {
        Label what = new Label();
        what.setWrapText(true);
        what.setId("review-summary");
        what.textProperty().bind(Bindings.createStringBinding(() -> model.artefactProperty().get() == null
                || model.planProperty().get() == null ? "" : "Deploy " + model.artefactProperty().get().name() + " to "
                + model.targetCountProperty().get() + " devices: " + model.planProperty().get().summary() + ".",
                model.artefactProperty(), model.targetCountProperty(), model.planProperty()));
        what.getStyleClass().add("plan-summary");
        Label check = new Label();
        check.setWrapText(true);
        check.textProperty().bind(model.checkNoteProperty());
        Button checkNow = new Button("Check now");
        checkNow.setOnAction(e -> model.checkPending());
        checkNow.disableProperty().bind(model.checkingProperty());
        Button stop = new Button("Stop checking");
        stop.setOnAction(e -> model.cancelCheck());
        stop.disableProperty().bind(model.checkingProperty().not());
        TableView<SupersedeCheck.Superseded> superseded = new TableView<>(model.superseded());
        superseded.setId("review-superseded");
        superseded.getColumns().add(supersededColumn("Device", 220, s -> s.target().deviceName()));
        superseded.getColumns().add(supersededColumn("Pending deployment", 260, s -> s.pending().id()));
        superseded.getColumns().add(supersededColumn("Its artefact", 260, s -> s.pending().artefactId()));
        superseded.setPlaceholder(new Label("No pending deployment found."));
        superseded.setPrefHeight(180);
        Label billing = new Label();
        billing.setWrapText(true);
        billing.getStyleClass().add("warning-text");
        billing.setGraphic(Icons.icon(MaterialDesignA.ALERT_OUTLINE));
        billing.textProperty().bind(model.billingNoteProperty());
        VBox page = new VBox(10, heading("Review"), what, new Label("Pending deployments that would be replaced"),
                new HBox(8, check, checkNow, stop), superseded, billing);
        VBox.setVgrow(superseded, Priority.ALWAYS);
        return page;
    }

    // ---- small pieces ----

    private static Label heading(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        return label;
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        return label;
    }

    private static RadioButton radio(String text, ToggleGroup group, WaveMode mode) {
        RadioButton button = new RadioButton(text);
        button.setToggleGroup(group);
        button.setUserData(mode);
        return button;
    }

    private static Spinner<Integer> intSpinner(int min, int max, int value) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        commitWhileTyping(spinner);
        return spinner;
    }

    /** A typed number counts at once (the summary follows), not only after Enter; what does not parse waits. */
    private static <T> void commitWhileTyping(Spinner<T> spinner) {
        spinner.getEditor().textProperty().addListener((o, was, now) -> {
            try {
                T value = spinner.getValueFactory().getConverter().fromString(now.strip());
                if (value != null) {
                    spinner.getValueFactory().setValue(value);
                }
            } catch (RuntimeException notYetANumber) {
                // Keep the last value until the text is a number again.
            }
        });
    }

    /**
     * Spinner and model property kept equal both ways. (A bidirectional binding to {@code asObject()} would hold
     * the adapter only weakly, and it would stop working once collected.)
     */
    private static <T extends Number> void link(Spinner<T> spinner, javafx.beans.property.Property<Number> property) {
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

    private static HBox row(Node... nodes) {
        HBox row = new HBox(6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static TableColumn<Device, String> deviceColumn(String name, double width,
                                                           java.util.function.Function<Device, String> value) {
        TableColumn<Device, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private static TableColumn<SupersedeCheck.Superseded, String> supersededColumn(
            String name, double width, java.util.function.Function<SupersedeCheck.Superseded, String> value) {
        TableColumn<SupersedeCheck.Superseded, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
