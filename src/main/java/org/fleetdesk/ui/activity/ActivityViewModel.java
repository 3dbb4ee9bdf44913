package org.fleetdesk.ui.activity;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.store.ActivityCsv;
import org.fleetdesk.store.ActivityEntry;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.Session;

/** The activity journal of the open organisation, newest first, filtered by action, date and text. */
public final class ActivityViewModel {
    static final int LIMIT = 5_000;
    static final String ALL_ACTIONS = "All actions";

    private final Session session;
    private final ObservableList<ActivityEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<String> actions = FXCollections.observableArrayList(ALL_ACTIONS);
    private final StringProperty action = new SimpleStringProperty(ALL_ACTIONS);
    private final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public ActivityViewModel(Session session) {
        this.session = session;
        action.addListener((obs, old, now) -> reload());
        since.addListener((obs, old, now) -> reload());
        search.addListener((obs, old, now) -> reload());
        session.cacheVersionProperty().addListener((obs, old, now) -> reload());
    }

    public ObservableList<ActivityEntry> entries() {
        return entries;
    }

    public ObservableList<String> actions() {
        return actions;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public ObjectProperty<LocalDate> sinceProperty() {
        return since;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void reload() {
        String chosenAction = ALL_ACTIONS.equals(action.get()) ? null : action.get();
        var from = since.get() == null ? null : since.get().atStartOfDay(ZoneId.systemDefault()).toInstant();
        String text = search.get();
        session.executor().submit("Reading the activity log", progress -> new Object[] {
                session.store().activity().entries(from, chosenAction, text, LIMIT),
                session.store().activity().actions()}, result -> {
                    @SuppressWarnings("unchecked")
                    List<ActivityEntry> found = (List<ActivityEntry>) result[0];
                    @SuppressWarnings("unchecked")
                    List<String> known = (List<String>) result[1];
                    entries.setAll(found);
                    if (!actions.subList(1, actions.size()).equals(known)) {
                        String selected = action.get();
                        actions.setAll(ALL_ACTIONS);
                        actions.addAll(known);
                        action.set(selected);
                    }
                    status.set(found.size() + (found.size() == LIMIT ? "+" : "") + " entries");
                }, failure -> status.set(ErrorMessages.describe(failure)));
    }

    /** Writes the entries shown as CSV to {@code file}. */
    public void exportCsv(Path file) {
        List<ActivityEntry> shown = List.copyOf(entries);
        session.executor().submit("Writing " + file.getFileName(), progress -> {
            ActivityCsv.write(shown, file);
            return file;
        }, written -> status.set("Saved " + shown.size() + " entries to " + written),
                failure -> status.set("Could not save " + file + ": " + ErrorMessages.headline(failure)
                        + ". Choose another folder or file name."));
    }
}
