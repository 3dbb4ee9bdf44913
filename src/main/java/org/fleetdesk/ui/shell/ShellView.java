package org.fleetdesk.ui.shell;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fleetdesk.ui.common.Icons;
import org.fleetdesk.ui.common.Screen;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.common.UiSettings;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The main window: account switcher and screen list on the left, banners on top, the screen, the status bar. */
public final class ShellView {
    private static final String LAST_SCREEN = "last_screen";

    private final ShellViewModel model;
    private final ScreenFactory screenFactory;
    private final UiSettings settings;
    private final Runnable onAddOrganisation;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final VBox navigation = new VBox(2);
    private final ToggleGroup navGroup = new ToggleGroup();
    private final MenuButton accountSwitcher = new MenuButton();
    private List<Screen> screens = List.of();
    private Screen current;

    public ShellView(ShellViewModel model, ScreenFactory screenFactory, UiSettings settings, Runnable onAddOrganisation) {
        this.model = model;
        this.screenFactory = screenFactory;
        this.settings = settings;
        this.onAddOrganisation = onAddOrganisation;
    }

    public Node build() {
        accountSwitcher.setId("account-switcher");
        accountSwitcher.setGraphic(Icons.icon(MaterialDesignD.DOMAIN));
        accountSwitcher.setMaxWidth(Double.MAX_VALUE);
        accountSwitcher.setTooltip(new Tooltip("Switch organisation"));
        accountSwitcher.setOnShowing(e -> fillAccounts());
        Label section = new Label("ORGANISATION");
        section.getStyleClass().addAll("muted");
        VBox sidebar = new VBox(6, section, accountSwitcher, navigation);
        VBox.setVgrow(navigation, Priority.ALWAYS);
        sidebar.getStyleClass().add("sidebar");
        sidebar.setPrefWidth(220);
        root.setLeft(sidebar);
        root.setCenter(content);
        root.setTop(new Banner(model, () -> select(screens.size() - 1)).build());
        root.setBottom(new StatusBar(model, screenFactory.executor().running()).build());
        model.sessionProperty().addListener((obs, old, session) -> showSession(session));
        return root;
    }

    private void fillAccounts() {
        accountSwitcher.getItems().clear();
        for (Account account : model.accounts()) {
            MenuItem item = new MenuItem(account.label());
            item.setOnAction(e -> model.open(account));
            accountSwitcher.getItems().add(item);
        }
        MenuItem add = new MenuItem("Add organisation…", Icons.icon(MaterialDesignP.PLUS));
        add.setOnAction(e -> onAddOrganisation.run());
        accountSwitcher.getItems().addAll(new SeparatorMenuItem(), add);
    }

    private void showSession(Session session) {
        accountSwitcher.setText(session.name());
        screens = screenFactory.create(session, this::select);
        navigation.getChildren().clear();
        navGroup.getToggles().clear();
        for (int i = 0; i < screens.size(); i++) {
            Screen screen = screens.get(i);
            ToggleButton button = new ToggleButton(screen.title(), Icons.icon(screen.icon()));
            button.getStyleClass().add("nav-button");
            button.setId("nav-" + screen.title().toLowerCase().replace(' ', '-'));
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(navGroup);
            button.setTooltip(new Tooltip(screen.title() + " (" + shortcutName(i + 1) + ")"));
            int index = i;
            button.setOnAction(e -> select(index));
            navigation.getChildren().add(button);
        }
        int last = (int) settings.getDouble(LAST_SCREEN, 0);
        select(last >= 0 && last < screens.size() ? last : 0);
    }

    /** Shows the screen at {@code index} in the sidebar's order. */
    public void select(int index) {
        if (index < 0 || index >= screens.size()) {
            return;
        }
        current = screens.get(index);
        ((ToggleButton) navigation.getChildren().get(index)).setSelected(true);
        content.getChildren().setAll(current.view());
        settings.putDouble(LAST_SCREEN, index);
        current.onShown();
    }

    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            if (current != null) {
                current.focusSearch();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), model::sync);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < digits.length; i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> select(index));
        }
    }

    private static String shortcutName(int number) {
        boolean mac = System.getProperty("os.name", "").toLowerCase().contains("mac");
        return (mac ? "⌘" : "Ctrl+") + number;
    }
}
