package org.fleetdesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import org.fleetdesk.secrets.Profile;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.secrets.Secret;
import org.fleetdesk.secrets.TokenStoreKind;
import org.fleetdesk.secrets.TokenStores;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.ui.common.ConnectionState;
import org.fleetdesk.ui.common.SameThreadTaskExecutor;
import org.fleetdesk.ui.common.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellViewModelTest {
    @TempDir
    Path home;
    private SimServer server;
    private ProfileStore profiles;
    private ShellViewModel shell;

    @BeforeEach
    void start() throws Exception {
        server = SimServer.start(SimConfig.builder().devices(300).seed(7).build());
        profiles = new ProfileStore(home, new TokenStores(home, (profile, purpose) -> {
            throw new AssertionError("no passphrase needed for session tokens");
        }));
        shell = new ShellViewModel(new SessionFactory(profiles, new SameThreadTaskExecutor(), home),
                new SameThreadTaskExecutor(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        shell.shutdown();
        server.stop();
    }

    private Profile addProfile(String name, String token) {
        return profiles.add(new Profile(name, server.baseUrl(), TokenStoreKind.SESSION), Secret.of(token));
    }

    @Test
    void openingAProfileSyncsItsCacheAndGoesOnline() {
        shell.open(Account.of(addProfile("acme", server.token())));
        Session session = shell.sessionProperty().get();
        assertNotNull(session);
        assertEquals(ConnectionState.ONLINE, session.connectionProperty().get());
        assertEquals(300, session.store().count(org.fleetdesk.query.DeviceQuery.EMPTY));
        assertNotNull(session.lastSyncProperty().get());
        assertEquals("Fleetdesk — acme", shell.titleProperty().get());
        assertTrue(session.isWritable());
    }

    @Test
    void aRefusedTokenIsExplainedAndWritesAreDisabled() {
        shell.open(Account.of(addProfile("acme", "rporg_wrongwrongwrongwrong")));
        Session session = shell.sessionProperty().get();
        assertEquals(ConnectionState.TOKEN_REFUSED, session.connectionProperty().get());
        assertTrue(session.connectionDetailProperty().get().contains("API access tokens"),
                session.connectionDetailProperty().get());
        assertTrue(!session.isWritable());
    }

    @Test
    void anUnreachableApiOpensTheCacheOfflineWithItsAge() {
        Profile profile = addProfile("acme", server.token());
        shell.open(Account.of(profile));
        assertEquals(300, shell.sessionProperty().get().store().count(org.fleetdesk.query.DeviceQuery.EMPTY));
        server.stop();
        shell.open(Account.of(profile));
        Session offline = shell.sessionProperty().get();
        assertEquals(ConnectionState.OFFLINE, offline.connectionProperty().get());
        assertTrue(offline.connectionDetailProperty().get().contains("synced"), offline.connectionDetailProperty().get());
        assertEquals(300, offline.store().count(org.fleetdesk.query.DeviceQuery.EMPTY), "the cache is still there");
        assertTrue(!offline.isWritable());
    }

    @Test
    void switchingOrganisationsClosesThePreviousSession() {
        shell.open(Account.of(addProfile("first", server.token())));
        Session first = shell.sessionProperty().get();
        shell.open(Account.of(addProfile("second", server.token())));
        Session second = shell.sessionProperty().get();
        assertTrue(first != second);
        assertEquals("second", second.name());
        assertEquals("second", profiles.current().orElseThrow().name(), "the last opened organisation is remembered");
    }

    @Test
    void theDemoIsAFreshSimulatedOrganisation() {
        shell.open(Account.demo());
        Session demo = shell.sessionProperty().get();
        assertTrue(demo.isDemo());
        assertEquals(SessionFactory.DEMO_DEVICES, demo.store().count(org.fleetdesk.query.DeviceQuery.EMPTY));
        assertEquals(ConnectionState.ONLINE, demo.connectionProperty().get());
    }
}
