package org.fleetdesk.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.fleetdesk.AppPaths;
import org.fleetdesk.secrets.Profile;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.secrets.TokenStores;
import org.fleetdesk.ui.common.FxPassphrasePrompt;
import org.fleetdesk.ui.common.FxTaskExecutor;
import org.fleetdesk.ui.common.Theme;
import org.fleetdesk.ui.common.UiSettings;
import org.fleetdesk.ui.settings.SettingsViewModel;
import org.fleetdesk.ui.shell.Account;
import org.fleetdesk.ui.shell.ScreenFactory;
import org.fleetdesk.ui.shell.SessionFactory;
import org.fleetdesk.ui.shell.ShellView;
import org.fleetdesk.ui.shell.ShellViewModel;
import org.fleetdesk.ui.welcome.WelcomeView;
import org.fleetdesk.ui.welcome.WelcomeViewModel;

/**
 * The desktop application. Files are read in {@link #init()} (the launcher thread), never on the UI thread; then the
 * window opens on the demo ({@code --demo}), the last organisation, or the welcome screen.
 */
public class FleetdeskApp extends Application {
    private static final String[] ICON_SIZES = {"16", "32", "48", "64", "128", "256"};

    private UiSettings uiSettings;
    private ProfileStore profileStore;
    private List<Profile> profiles;
    private Optional<Profile> currentProfile;
    private Theme theme;
    private FxTaskExecutor executor;
    private ShellViewModel shell;
    private ShellView shellView;
    private Stage stage;
    private final StackPane root = new StackPane();
    private Node shellNode;

    @Override
    public void init() {
        Path home = AppPaths.home();
        uiSettings = UiSettings.load(home.resolve("ui-settings.json"));
        profileStore = new ProfileStore(home, new TokenStores(home, new FxPassphrasePrompt()));
        profiles = profileStore.list();
        currentProfile = profileStore.current();
        theme = uiSettings.get("theme").map(Theme::valueOf).orElse(Theme.SYSTEM).resolve();
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        theme.apply();
        executor = new FxTaskExecutor(4);
        Path home = AppPaths.home();
        shell = new ShellViewModel(new SessionFactory(profileStore, executor, home), executor, Clock.systemUTC());
        shell.refreshAccounts(profiles);
        SettingsViewModel settings = new SettingsViewModel(profileStore, executor, uiSettings,
                getHostServices()::showDocument, shell::refreshAccounts);
        shellView = new ShellView(shell, new ScreenFactory(executor, settings), uiSettings, () -> showWelcome(true));
        shellNode = shellView.build();
        shell.errorProperty().addListener((obs, old, error) -> showOpenError(error));

        Scene scene = new Scene(root, uiSettings.getDouble("window_width", 1280), uiSettings.getDouble("window_height", 820));
        scene.getStylesheets().add(Theme.appStylesheet());
        shellView.installShortcuts(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(shell.titleProperty());
        restoreWindowPosition();
        addWindowIcons();
        stage.show();

        if (getParameters().getRaw().contains("--demo")) {
            openAccount(Account.demo());
        } else if (currentProfile.isPresent()) {
            openAccount(Account.of(currentProfile.get()));
        } else {
            showWelcome(false);
        }
    }

    private void openAccount(Account account) {
        root.getChildren().setAll(shellNode);
        shell.open(account);
    }

    private void showWelcome(boolean canGoBack) {
        WelcomeViewModel model = new WelcomeViewModel(profileStore, executor);
        Node welcome = new WelcomeView(model, profile -> {
            shell.refreshAccounts(profileStore.list());
            openAccount(Account.of(profile));
        }, () -> openAccount(Account.demo())).build();
        if (canGoBack) {
            Button back = new Button("← Back");
            back.setOnAction(e -> root.getChildren().setAll(shellNode));
            BorderPane withBack = new BorderPane(welcome);
            withBack.setTop(back);
            welcome = withBack;
        }
        root.getChildren().setAll(welcome);
    }

    private void showOpenError(String error) {
        if (error == null || error.isBlank()) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, error);
        alert.setHeaderText("The organisation could not be opened");
        alert.show();
        if (shell.sessionProperty().get() == null) {
            showWelcome(false);
        }
    }

    private void restoreWindowPosition() {
        double x = uiSettings.getDouble("window_x", Double.NaN);
        double y = uiSettings.getDouble("window_y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(uiSettings.get("window_maximized").map(Boolean::parseBoolean).orElse(false));
    }

    private void addWindowIcons() {
        for (String size : ICON_SIZES) {
            var url = FleetdeskApp.class.getResource("icons/fleetdesk-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm()));
            }
        }
    }

    @Override
    public void stop() {
        if (stage != null) {
            uiSettings.put("window_maximized", Boolean.toString(stage.isMaximized()));
            if (!stage.isMaximized()) {
                uiSettings.putDouble("window_x", stage.getX());
                uiSettings.putDouble("window_y", stage.getY());
                uiSettings.putDouble("window_width", stage.getWidth());
                uiSettings.putDouble("window_height", stage.getHeight());
            }
        }
        uiSettings.save();
        if (shell != null) {
            shell.shutdown();
        }
        if (executor != null) {
            executor.shutdown();
        }
    }
}
