package org.fleetdesk.ui.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import org.fleetdesk.api.Device;
import org.fleetdesk.export.DeviceColumn;
import org.fleetdesk.query.Completion;
import org.fleetdesk.query.Qualifier;
import org.fleetdesk.query.QueryMatcher;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.ui.SimSessionFixture;
import org.fleetdesk.ui.common.ConnectionState;
import org.fleetdesk.ui.common.FxTaskExecutor;
import org.fleetdesk.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class DevicesScreenTest {
    private static final int DEVICES = 300;

    private final FxRobot robot = new FxRobot();
    private SimSessionFixture fixture;
    private DevicesScreen screen;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        fixture = SimSessionFixture.start(DEVICES, 5, new FxTaskExecutor(2));
        FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply();
            screen = new DevicesScreen(fixture.session());
            Scene scene = new Scene((Parent) screen.view(), 1280, 800);
            scene.getStylesheets().add(Theme.appStylesheet());
            stage.setScene(scene);
            stage.show();
            stage.toFront();
        });
        waitUntil(() -> screen.model().loadedProperty().get() && table().getItems().size() == DEVICES);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.hideStage();
        fixture.close();
    }

    private TableView<Device> table() {
        return screen.table().view();
    }

    private List<QueryChip> chips() {
        return List.copyOf(screen.queryModel().chips());
    }

    private TextField field() {
        return robot.lookup("#query-text").queryAs(TextField.class);
    }

    @SuppressWarnings("unchecked")
    private List<String> offered() {
        return robot.lookup("#query-completions").tryQuery().filter(Node::isVisible)
                .map(list -> ((ListView<Completion>) list).getItems().stream().map(c -> c.replacement().strip())
                        .toList()).orElse(List.of());
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean tableShowsExactly(String query) {
        List<Device> items = List.copyOf(table().getItems());
        QueryMatcher matcher = QueryMatcher.of(QueryParser.parse(query));
        long expected = fixture.session().store().index().devices().stream().filter(matcher).count();
        return items.size() == expected && items.stream().allMatch(matcher);
    }

    @Test
    void typingModOffersModelThenChoosingAValueAddsAChipAndFiltersAndBackspaceRemovesIt() throws Exception {
        robot.clickOn("#query-text").write("mod");
        waitUntil(() -> offered().contains("model:"));
        assertEquals("model:", offered().get(0));

        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil(() -> field().getText().equals("model:"));
        robot.write("5");
        waitUntil(() -> !offered().isEmpty() && offered().stream().allMatch(o -> o.startsWith("model:5")));
        assertEquals("model:5", offered().get(0));
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);

        waitUntil(() -> chips().equals(List.of(new QueryChip(Qualifier.MODEL, "5"))));
        assertEquals("", field().getText());
        waitUntil(() -> tableShowsExactly("model:5"));
        assertTrue(table().getItems().size() < DEVICES);
        assertEquals(1, robot.lookup(".chip-removable").queryAll().size());
        String count = robot.lookup("#device-count").queryAs(Label.class).getText();
        assertTrue(count.startsWith(table().getItems().size() + " of " + DEVICES + " devices"), count);

        robot.type(KeyCode.BACK_SPACE);
        waitUntil(() -> chips().isEmpty() && table().getItems().size() == DEVICES);
        assertTrue(robot.lookup(".chip-removable").queryAll().isEmpty());
    }

    @Test
    void aSuggestionCanBeChosenWithTheMouse() throws Exception {
        robot.clickOn("#query-text").write("tag:kio");
        waitUntil(() -> offered().equals(List.of("tag:kiosk")));

        robot.clickOn(robot.lookup(".completion-list .list-cell").<Node>query());

        waitUntil(() -> chips().equals(List.of(new QueryChip(Qualifier.TAG, "kiosk"))));
        assertEquals("", field().getText());
        waitUntil(() -> tableShowsExactly("tag:kiosk"));
    }

    @Test
    void pastingAFullQueryProducesTheChipsAndTheText() throws Exception {
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("model:5 tag:production dashboard");
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn("#query-text").press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);

        waitUntil(() -> chips().equals(List.of(new QueryChip(Qualifier.MODEL, "5"),
                new QueryChip(Qualifier.TAG, "production"))));
        assertEquals("dashboard", field().getText());
        assertEquals("model:5 tag:production dashboard", screen.queryModel().queryStringProperty().get());
        waitUntil(() -> tableShowsExactly("model:5 tag:production dashboard"));
    }

    @Test
    void typedTextFiltersAfterAShortPause() throws Exception {
        robot.clickOn("#query-text").write("kiosk-l");

        waitUntil(() -> tableShowsExactly("kiosk-l"));
        assertFalse(table().getItems().isEmpty());
    }

    @Test
    void clickingATagInARowAddsItAsAFilter() throws Exception {
        Label tag = robot.lookup("#device-table .tag-chip").queryAs(Label.class);
        String value = tag.getText();

        robot.clickOn(tag);

        waitUntil(() -> chips().equals(List.of(new QueryChip(Qualifier.TAG, value))));
        waitUntil(() -> tableShowsExactly("tag:" + value));
    }

    @Test
    void filterValuesInTheDetailsAndChartBarsAddFilters() throws Exception {
        Device device = table().getItems().stream().filter(d -> !d.isOldClient()).findFirst().orElseThrow();
        robot.clickOn(device.name());
        robot.clickOn("memory:" + device.filters().get("memory"));
        waitUntil(() -> chips().equals(List.of(new QueryChip(Qualifier.MEMORY, device.filters().get("memory")))));

        robot.clickOn("Fleet at a glance");
        waitUntil(() -> robot.lookup("#fleet-charts .chart-bar").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#fleet-charts .chart-bar").<Node>query());

        waitUntil(() -> chips().size() == 2 && chips().get(1).qualifier() == Qualifier.MODEL);
        waitUntil(() -> tableShowsExactly(screen.queryModel().queryStringProperty().get()));
        assertFalse(table().getItems().isEmpty());
    }

    @Test
    void theColumnLayoutIsRememberedForTheOrganisation() throws Exception {
        robot.interact(() -> {
            screen.table().column(DeviceColumn.KERNEL_ARCHITECTURE).setVisible(false);
            screen.table().arrange(List.of(DeviceColumn.SERIAL_NUMBER, DeviceColumn.NAME));
        });
        Path saved = fixture.folder().resolve(ColumnLayout.FILE_NAME);
        waitUntil(() -> Files.exists(saved) && Files.readString(saved).contains("KERNEL_ARCHITECTURE"));

        DevicesScreen[] reopened = new DevicesScreen[1];
        FxToolkit.setupStage(stage -> {
            reopened[0] = new DevicesScreen(fixture.session());
            stage.setScene(new Scene((Parent) reopened[0].view(), 1280, 800));
        });

        waitUntil(() -> !reopened[0].table().column(DeviceColumn.KERNEL_ARCHITECTURE).isVisible());
        assertEquals(List.of(DeviceColumn.SERIAL_NUMBER, DeviceColumn.NAME, DeviceColumn.TAGS, DeviceColumn.MODEL,
                DeviceColumn.MEMORY, DeviceColumn.OS), reopened[0].table().visibleColumns());
    }

    @Test
    void deletingOneDeviceAsksFirstThenRemovesItFromTheTableAndTheOrganisation() throws Exception {
        Device doomed = table().getItems().get(0);
        robot.clickOn(doomed.name());
        robot.clickOn("#delete-devices");

        waitUntil(() -> robot.lookup("#confirm-delete").tryQuery().isPresent());
        assertTrue(robot.lookup("#delete-devices-dialog .label").queryAllAs(Label.class).stream()
                .anyMatch(label -> label.getText() != null && label.getText().contains(doomed.name())));
        robot.clickOn("#confirm-delete");

        waitUntil(() -> fixture.sim().organisation().device(doomed.id()).isEmpty());
        waitUntil(() -> table().getItems().size() == DEVICES - 1);
        assertFalse(table().getItems().contains(doomed));
        assertTrue(fixture.session().store().device(doomed.id()).isEmpty());
    }

    @Test
    void deletingSeveralDevicesNeedsTheirCountTyped() throws Exception {
        Device first = table().getItems().get(0);
        Device second = table().getItems().get(1);
        robot.clickOn(first.name()).press(KeyCode.SHIFT).clickOn(second.name()).release(KeyCode.SHIFT);
        waitUntil(() -> table().getSelectionModel().getSelectedItems().size() == 2);
        robot.clickOn("#delete-devices");

        waitUntil(() -> robot.lookup("#confirm-delete").tryQuery().isPresent());
        Button confirm = robot.lookup("#confirm-delete").queryButton();
        assertTrue(confirm.isDisabled());
        robot.clickOn("#delete-count").write("2");
        waitUntil(() -> !confirm.isDisabled());
        robot.clickOn(confirm);

        waitUntil(() -> table().getItems().size() == DEVICES - 2);
        assertTrue(fixture.sim().organisation().device(first.id()).isEmpty());
        assertTrue(fixture.sim().organisation().device(second.id()).isEmpty());
    }

    @Test
    void writesAndTheLiveSearchAreDisabledWhileOffline() throws Exception {
        robot.clickOn(table().getItems().get(0).name());
        assertFalse(robot.lookup("#delete-devices").queryButton().isDisabled());

        robot.interact(() -> fixture.session().setConnection(ConnectionState.OFFLINE, "no answer"));

        assertTrue(robot.lookup("#delete-devices").queryButton().isDisabled());
        assertTrue(robot.lookup("#live-search").queryAs(ToggleButton.class).isDisabled());
        assertTrue(robot.lookup("#deploy-devices").queryButton().isDisabled());
        assertFalse(robot.lookup("#copy-menu").queryAs(MenuButton.class).isDisabled());
    }

    @Test
    void cancellingTheConfirmationDeletesNothing() throws Exception {
        Device kept = table().getItems().get(0);
        robot.clickOn(kept.name());
        robot.clickOn("#delete-devices");
        waitUntil(() -> robot.lookup("#confirm-delete").tryQuery().isPresent());

        robot.clickOn("Cancel");

        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fixture.sim().organisation().device(kept.id()).isPresent());
        assertEquals(DEVICES, table().getItems().size());
    }
}
