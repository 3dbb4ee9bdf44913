package org.fleetdesk.ui.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.logging.Logging;
import org.fleetdesk.secrets.Profile;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.common.TaskExecutor;
import org.fleetdesk.ui.common.Theme;
import org.fleetdesk.ui.common.UiSettings;

/**
 * Settings: the theme, the saved organisations (rename, remove with their cache and token), where the open
 * organisation's data lives, and the logs folder.
 */
public final class SettingsViewModel {
    static final String THEME_KEY = "theme";

    private final ProfileStore profileStore;
    private final TaskExecutor executor;
    private final UiSettings settings;
    private final Consumer<String> openUri;
    private final Consumer<List<Profile>> onProfilesChanged;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final ObservableList<Profile> profiles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper cacheInfo = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public SettingsViewModel(ProfileStore profileStore, TaskExecutor executor, UiSettings settings,
                             Consumer<String> openUri, Consumer<List<Profile>> onProfilesChanged) {
        this.profileStore = profileStore;
        this.executor = executor;
        this.settings = settings;
        this.openUri = openUri;
        this.onProfilesChanged = onProfilesChanged;
        theme.set(settings.get(THEME_KEY).map(Theme::valueOf).orElse(Theme.SYSTEM));
        theme.addListener((obs, old, chosen) -> applyTheme(chosen));
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObservableList<Profile> profiles() {
        return profiles;
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cacheInfoProperty() {
        return cacheInfo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void setSession(Session opened) {
        session.set(opened);
    }

    /** Resolves "follow the system" off the UI thread (it asks the OS), then applies the theme. */
    public void applyTheme(Theme chosen) {
        settings.put(THEME_KEY, chosen.name());
        executor.submit("Applying the theme", progress -> {
            settings.save();
            return chosen.resolve();
        }, Theme::apply, failure -> Theme.LIGHT.apply());
    }

    public void refresh() {
        Session current = session.get();
        executor.submit("Reading settings", progress -> {
            List<Profile> list = profileStore.list();
            String info = current == null ? "" : describeCache(current.store().file());
            return new Object[] {list, info};
        }, result -> {
            @SuppressWarnings("unchecked")
            List<Profile> list = (List<Profile>) result[0];
            profiles.setAll(list);
            cacheInfo.set((String) result[1]);
        }, failure -> message.set(ErrorMessages.describe(failure)));
    }

    public String tokenLocation(Profile profile) {
        return profileStore.tokenStores().location(profile);
    }

    /** Removes a saved organisation with its cache and stored token; the open one must be switched away from first. */
    public void remove(Profile profile) {
        Session current = session.get();
        if (current != null && !current.isDemo() && current.name().equalsIgnoreCase(profile.name())) {
            message.set(profile.name() + " is open: switch to another organisation (or the demo) before removing it.");
            return;
        }
        executor.submit("Removing " + profile.name(), progress -> profileStore.remove(profile.name()),
                notice -> {
                    message.set("Removed " + profile.name() + ", its cache and its token." + notice.map(n -> " " + n).orElse(""));
                    refreshAndNotify();
                }, failure -> message.set(ErrorMessages.describe(failure)));
    }

    public void rename(Profile profile, String newName) {
        executor.submit("Renaming " + profile.name(), progress -> profileStore.rename(profile.name(), newName),
                renamed -> {
                    message.set("Renamed " + profile.name() + " to " + renamed.name() + ".");
                    refreshAndNotify();
                }, failure -> message.set(ErrorMessages.describe(failure)));
    }

    public void openLogsFolder() {
        openUri.accept(Logging.logsFolder().toUri().toString());
    }

    private void refreshAndNotify() {
        executor.submit("Reading profiles", progress -> profileStore.list(), list -> {
            profiles.setAll(list);
            onProfilesChanged.accept(list);
        }, failure -> message.set(ErrorMessages.describe(failure)));
    }

    private static String describeCache(Path file) throws java.io.IOException {
        long bytes = Files.exists(file) ? Files.size(file) : 0;
        return file + " (" + String.format("%.1f MB", bytes / 1_048_576.0) + ")";
    }
}
