package org.fleetdesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.fleetdesk.AppPaths;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.secrets.Profile;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.secrets.Secret;
import org.fleetdesk.secrets.TokenStoreKind;
import org.fleetdesk.secrets.TokenStores;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.sync.FleetSync;
import org.fleetdesk.sync.SyncProgress;
import org.fleetdesk.ui.FleetdeskApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** What a person sees in the first minute: welcome, a wrong token, the demo, an offline start, a damaged cache. */
class ShellFlowTest {
    private static final String PASSPHRASE = "correct horse battery";

    @TempDir
    Path home;
    private SimServer server;
    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private javafx.application.Application app;

    @BeforeEach
    void start() throws Exception {
        System.setProperty(AppPaths.HOME_VARIABLE, home.toString());
        server = SimServer.start(SimConfig.builder().devices(120).seed(5).build());
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        server.stop();
        System.clearProperty(AppPaths.HOME_VARIABLE);
    }

    private void launch() throws Exception {
        app = FxToolkit.setupApplication(FleetdeskApp.class);
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    @Test
    void aWrongTokenIsExplainedOnTheWelcomeScreenAndNothingIsStored() throws Exception {
        launch();
        waitUntil(() -> robot.lookup("#org-name").tryQuery().isPresent());
        robot.clickOn("#org-name").write("acme");
        robot.doubleClickOn("#api-url").eraseText(40).write(server.baseUrl());
        robot.clickOn("#token").write("rporg_notthetoken0000000000000000");
        waitUntil(() -> !robot.lookup("#connect").queryButton().isDisabled());
        robot.clickOn("#connect");
        waitUntil(() -> robot.lookup("#connect-message").queryAs(Label.class).getText().contains("401"));
        String message = robot.lookup("#connect-message").queryAs(Label.class).getText();
        assertTrue(message.contains("API access tokens"), message);
        assertTrue(new ProfileStore(home, new TokenStores(home, (p, q) -> new char[0])).list().isEmpty());
    }

    @Test
    void theDemoOpensFromTheWelcomeScreen() throws Exception {
        launch();
        waitUntil(() -> robot.lookup("#explore-demo").tryQuery().isPresent());
        robot.clickOn("#explore-demo");
        waitUntil(() -> robot.lookup("#banner-demo").tryQuery().isPresent());
        waitUntil(() -> "Online".equals(robot.lookup("#connection-state").queryAs(Label.class).getText()));
        assertTrue(stage.getTitle().startsWith("Fleetdesk"));
        assertTrue(stage.getTitle().contains("Demo organisation (simulated)"), stage.getTitle());
        waitUntil(() -> robot.lookup("#device-count").queryAs(Label.class).getText().equals("2,500 of 2,500 devices"));
        assertEquals(2_500, robot.lookup(".table-view").queryTableView().getItems().size(), "the table lists the devices");
    }

    @Test
    void withoutNetworkTheLastCacheOpensReadOnlyWithItsAge() throws Exception {
        TokenStores tokens = new TokenStores(home, (p, purpose) -> PASSPHRASE.toCharArray());
        ProfileStore profiles = new ProfileStore(home, tokens);
        Profile profile = profiles.add(new Profile("acme", server.baseUrl(), TokenStoreKind.FILE), Secret.of(server.token()));
        try (FleetStore store = FleetStore.open(profiles.orgFolder("acme").resolve("cache.sqlite"));
             ConnectClient client = ConnectClient.builder().baseUrl(server.baseUrl()).token(server.token()).build()) {
            new FleetSync(client, store).syncAll(SyncProgress.NONE, () -> false);
        }
        server.stop();
        launch();
        waitUntil(() -> robot.lookup(".password-field").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".password-field").queryAs(PasswordField.class)).write(PASSPHRASE);
        robot.clickOn("OK");
        waitUntil(() -> robot.lookup("#banner-offline").tryQuery().isPresent()
                && robot.lookup("#banner-offline").queryAs(Label.class).getText().contains("synced"));
        String banner = robot.lookup("#banner-offline").queryAs(Label.class).getText();
        assertTrue(banner.contains("synced"), banner);
        assertTrue(banner.contains("read-only"), banner);
        assertEquals("Fleetdesk — " + profile.name(), stage.getTitle());
    }

    @Test
    void aDamagedCacheIsRebuiltOnOpeningAndTheBannerSaysRolloutsAreSafe() throws Exception {
        TokenStores tokens = new TokenStores(home, (p, purpose) -> PASSPHRASE.toCharArray());
        ProfileStore profiles = new ProfileStore(home, tokens);
        profiles.add(new Profile("acme", server.baseUrl(), TokenStoreKind.FILE), Secret.of(server.token()));
        Path cache = profiles.orgFolder("acme").resolve("cache.sqlite");
        FleetStore.open(cache).close();
        Files.writeString(cache, "overwritten by a disk fault ".repeat(200));
        launch();
        waitUntil(() -> robot.lookup(".password-field").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".password-field").queryAs(PasswordField.class)).write(PASSPHRASE);
        robot.clickOn("OK");
        waitUntil(() -> robot.lookup("#banner-recovered").tryQuery().isPresent());
        String banner = robot.lookup("#banner-recovered").queryAs(Label.class).getText();
        assertTrue(banner.startsWith("The local cache " + cache.toAbsolutePath() + " was damaged"), banner);
        assertTrue(banner.contains("a sync rebuilds it from the organisation"), banner);
        assertTrue(banner.contains("Rollouts, the activity log and saved searches are kept in their own file"), banner);
        waitUntil(() -> robot.lookup("#connection-state").tryQuery()
                .map(state -> "Online".equals(((Label) state).getText())).orElse(false));
        try (FleetStore store = FleetStore.open(cache)) {
            waitUntil(() -> store.count(QueryParser.parse("")) == 120);
        }
        robot.clickOn("Dismiss");
        waitUntil(() -> robot.lookup("#banner-recovered").tryQuery().isEmpty());
    }
}
