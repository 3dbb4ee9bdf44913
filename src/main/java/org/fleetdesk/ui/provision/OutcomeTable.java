package org.fleetdesk.ui.provision;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.fleetdesk.provision.Outcome;

/** The result of a bulk run, one row per name: name, result, a detail of the created resource, and the message. */
public final class OutcomeTable {
    private OutcomeTable() {
    }

    public static <T> TableView<Outcome<T>> of(ObservableList<Outcome<T>> outcomes, String detailTitle,
                                               Function<T, String> detail) {
        TableView<Outcome<T>> table = new TableView<>(outcomes);
        table.setPlaceholder(new Label("The result of each name appears here."));
        table.getColumns().add(column("Name", 140, Outcome::name));
        table.getColumns().add(column("Result", 90, o -> o.status() == Outcome.Status.NOT_STARTED ? "not started"
                : o.status().name().toLowerCase(Locale.ROOT)));
        table.getColumns().add(column(detailTitle, 150, o -> o.value() == null ? "" : detail.apply(o.value())));
        table.getColumns().add(column("Message", 380, o -> o.message() == null ? "" : o.message()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static <T> TableColumn<Outcome<T>, String> column(String title, double width, Function<Outcome<T>, String> value) {
        TableColumn<Outcome<T>, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
