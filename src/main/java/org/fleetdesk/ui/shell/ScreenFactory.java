package org.fleetdesk.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.fleetdesk.ui.activity.ActivityScreen;
import org.fleetdesk.ui.activity.ActivityViewModel;
import org.fleetdesk.ui.common.Screen;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.common.TaskExecutor;
import org.fleetdesk.ui.settings.SettingsScreen;
import org.fleetdesk.ui.settings.SettingsViewModel;

/** Builds the screens of an opened organisation, in sidebar order, and wires the links between them. */
public final class ScreenFactory {
    private final TaskExecutor executor;
    private final SettingsViewModel settings;

    public ScreenFactory(TaskExecutor executor, SettingsViewModel settings) {
        this.executor = executor;
        this.settings = settings;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public List<Screen> create(Session session, IntConsumer select) {
        List<Screen> screens = new ArrayList<>();
        settings.setSession(session);
        screens.add(new ActivityScreen(new ActivityViewModel(session)));
        screens.add(new SettingsScreen(settings));
        return screens;
    }
}
