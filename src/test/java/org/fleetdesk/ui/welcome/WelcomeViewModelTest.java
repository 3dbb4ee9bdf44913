package org.fleetdesk.ui.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fleetdesk.secrets.Profile;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.secrets.TokenStoreKind;
import org.fleetdesk.secrets.TokenStores;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WelcomeViewModelTest {
    @TempDir
    Path home;
    private SimServer server;
    private ProfileStore profiles;
    private WelcomeViewModel model;

    @BeforeEach
    void start() throws Exception {
        server = SimServer.start(SimConfig.builder().devices(40).seed(3).build());
        profiles = new ProfileStore(home, new TokenStores(home, (profile, purpose) -> "correct horse battery".toCharArray()));
        model = new WelcomeViewModel(profiles, new SameThreadTaskExecutor());
        model.nameProperty().set("acme");
        model.apiUrlProperty().set(server.baseUrl());
        model.tokenStoreProperty().set(TokenStoreKind.FILE);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aWrongTokenIsExplainedAndNothingIsStored() throws Exception {
        String wrong = "rporg_thisisnotthetokenatall0123456789";
        model.tokenProperty().set(wrong);
        List<Profile> connected = new ArrayList<>();
        model.connect(connected::add);
        assertTrue(model.failedProperty().get());
        assertTrue(model.messageProperty().get().contains("refused (401)"), model.messageProperty().get());
        assertTrue(model.messageProperty().get().contains("API access tokens"));
        assertTrue(connected.isEmpty());
        assertTrue(profiles.list().isEmpty());
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains(wrong), file.toString());
            }
        }
    }

    @Test
    void testConnectionReportsTheFleetSizeWithoutStoringAnything() {
        model.tokenProperty().set(server.token());
        model.testConnection();
        assertFalse(model.failedProperty().get());
        assertEquals("Connected: the organisation has 40 devices.", model.messageProperty().get());
        assertTrue(profiles.list().isEmpty());
    }

    @Test
    void connectSavesTheProfileWithTheTokenEncryptedAndClearsTheField() throws Exception {
        model.tokenProperty().set(server.token());
        List<Profile> connected = new ArrayList<>();
        model.connect(connected::add);
        assertEquals("acme", connected.get(0).name());
        assertEquals("", model.tokenProperty().get());
        assertEquals(server.token(), profiles.tokenStores().open(TokenStoreKind.FILE).load("acme").orElseThrow().reveal());
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains(server.token()),
                        "token in plain text in " + file);
            }
        }
    }

    @Test
    void aMissingTokenIsRefusedBeforeAnyCall() {
        model.tokenProperty().set("  ");
        model.testConnection();
        assertTrue(model.messageProperty().get().contains("Paste the organisation's management API access token"));
    }
}
