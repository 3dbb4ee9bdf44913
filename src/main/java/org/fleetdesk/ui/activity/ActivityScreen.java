package org.fleetdesk.ui.activity;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.fleetdesk.store.ActivityEntry;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.common.LazyScreen;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/** The Activity screen: what Fleetdesk changed in this organisation, newest first, with filters and CSV download. */
public final class ActivityScreen extends LazyScreen {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ActivityViewModel model;
    private final TextField search = new TextField();

    public ActivityScreen(ActivityViewModel model) {
        super("Activity", MaterialDesignH.HISTORY);
        this.model = model;
    }

    @Override
    public void onShown() {
        model.reload();
    }

    @Override
    public void focusSearch() {
        search.requestFocus();
    }

    @Override
    protected Node build() {
        Label title = new Label("Activity");
        title.getStyleClass().add("screen-title");
        search.setPromptText("Search subject, action or message");
        search.setId("activity-search");
        search.textProperty().bindBidirectional(model.searchProperty());
        ComboBox<String> action = new ComboBox<>(model.actions());
        action.valueProperty().bindBidirectional(model.actionProperty());
        DatePicker since = new DatePicker();
        since.setPromptText("Since (date)");
        since.valueProperty().bindBidirectional(model.sinceProperty());
        Button csv = new Button("Download CSV", Icons.icon(MaterialDesignD.DOWNLOAD));
        csv.setOnAction(e -> exportCsv());
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, search, action, since, csv);
        header.getStyleClass().add("screen-header");

        TableView<ActivityEntry> table = new TableView<>(model.entries());
        table.setId("activity-table");
        table.setPlaceholder(new Label("Nothing yet: changes made with Fleetdesk (GUI or CLI) appear here for 90 days."));
        table.getColumns().add(column("Time", 150, e -> TIME.format(e.timestamp())));
        table.getColumns().add(column("Source", 60, ActivityEntry::source));
        table.getColumns().add(column("Action", 150, ActivityEntry::action));
        table.getColumns().add(column("Subject", 300, ActivityEntry::subject));
        table.getColumns().add(column("Outcome", 120, ActivityEntry::outcome));
        table.getColumns().add(column("Server message", 320, ActivityEntry::message));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        BorderPane pane = new BorderPane(table);
        pane.setTop(header);
        BorderPane.setMargin(table, new Insets(0, 16, 0, 16));
        HBox footer = new HBox(status);
        footer.setPadding(new Insets(6, 16, 8, 16));
        pane.setBottom(footer);
        return pane;
    }

    private static TableColumn<ActivityEntry, String> column(String name, double width, Function<ActivityEntry, String> value) {
        TableColumn<ActivityEntry, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Download the activity log as CSV");
        chooser.setInitialFileName("fleetdesk-activity.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(view().getScene().getWindow());
        if (file != null) {
            model.exportCsv(file.toPath());
        }
    }
}
