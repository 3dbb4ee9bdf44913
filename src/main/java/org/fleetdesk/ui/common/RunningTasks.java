package org.fleetdesk.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The list of background tasks that are still running; changed only on the UI thread. */
public final class RunningTasks {
    private final ObservableList<RunningTask> tasks = FXCollections.observableArrayList();
    // One view for every caller: listeners on a throwaway unmodifiable wrapper are lost when it is collected.
    private final ObservableList<RunningTask> view = FXCollections.unmodifiableObservableList(tasks);

    public ObservableList<RunningTask> list() {
        return view;
    }

    void add(RunningTask task) {
        tasks.add(task);
    }

    void remove(RunningTask task) {
        tasks.remove(task);
    }

    public void cancelAll() {
        tasks.forEach(RunningTask::cancel);
    }
}
