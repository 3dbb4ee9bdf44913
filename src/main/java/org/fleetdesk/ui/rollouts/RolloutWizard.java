package org.fleetdesk.ui.rollouts;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.rollout.RolloutRun;
import org.fleetdesk.ui.artefacts.NewArtefactDialog;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.common.Theme;
import org.fleetdesk.ui.rollouts.RolloutWizardViewModel.Step;
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
        StackPane pages = new StackPane(page(Step.ARTEFACT, artefactPage()),
                page(Step.TARGETS, TargetsPage.of(model.targets())), page(Step.PLAN, PlanPage.of(model.plan())),
                page(Step.REVIEW, ReviewPage.of(model)));
        BorderPane root = new BorderPane(pages);
        root.setTop(steps());
        root.setBottom(buttons(started));
        root.setPadding(new Insets(12, 16, 12, 16));
        BorderPane.setMargin(pages, new Insets(10, 0, 10, 0));
        root.getStylesheets().add(RolloutWizard.class.getResource("rollouts.css").toExternalForm());
        Scene scene = new Scene(root, 860, 620);
        scene.getStylesheets().add(Theme.appStylesheet());
        stage.setScene(scene);
        stage.setOnHidden(e -> model.review().cancel());
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
        VBox page = new VBox(8, Pages.heading("What to deploy"), list, create);
        VBox.setVgrow(list, Priority.ALWAYS);
        return page;
    }
}
