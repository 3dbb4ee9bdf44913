package org.fleetdesk.ui.provision;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.provision.Outcome;

/**
 * A bulk batch as its dialog shows it: each item's outcome as it arrives, the progress, whether it runs, a summary
 * line, and a request to stop starting new items. Changed on the UI thread; {@link #cancelRequested()} is read by
 * the batch's worker.
 */
public final class BatchRun<T> {
    private final ObservableList<Outcome<T>> outcomes = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    public ObservableList<Outcome<T>> outcomes() {
        return outcomes;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Starts no new item; the ones under way finish. */
    public void cancel() {
        cancelRequested.set(true);
    }

    public boolean cancelRequested() {
        return cancelRequested.get();
    }

    public void begin(String what) {
        running.set(true);
        cancelRequested.set(false);
        outcomes.clear();
        progress.set(0);
        summary.set(what);
    }

    public void step(Outcome<T> latest, int done, int total) {
        outcomes.add(latest);
        progress.set((double) done / total);
    }

    public void finish(List<Outcome<T>> all, String what) {
        outcomes.setAll(all);
        progress.set(1);
        running.set(false);
        summary.set(what);
    }

    public void fail(String why) {
        running.set(false);
        summary.set(why);
    }

    /** A line about something else than the batch (a file written), while no batch runs. */
    public void say(String line) {
        summary.set(line);
    }
}
