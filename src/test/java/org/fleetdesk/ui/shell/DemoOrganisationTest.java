package org.fleetdesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.secrets.TokenStores;
import org.fleetdesk.sync.SyncProgress;
import org.fleetdesk.ui.common.SameThreadTaskExecutor;
import org.fleetdesk.ui.common.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo a newcomer opens first has something on every screen. */
class DemoOrganisationTest {
    @TempDir
    Path home;

    @Test
    void everyProvisioningListHasEntriesAfterTheFirstSync() throws Exception {
        SessionFactory factory = new SessionFactory(new ProfileStore(home, new TokenStores(home, (p, q) -> {
            throw new AssertionError("the demo needs no passphrase");
        })), new SameThreadTaskExecutor(), home);
        try (Session demo = factory.openDemo()) {
            demo.sync().syncAll(SyncProgress.NONE, () -> false);
            assertEquals(SessionFactory.DEMO_DEVICES, demo.store().count(DeviceQuery.EMPTY));
            assertEquals(4, demo.store().artefacts().all().size());
            List<AuthKey> keys = demo.store().authKeys().all();
            assertEquals(5, keys.size());
            assertTrue(keys.stream().allMatch(k -> k.secret() == null), "the cache never holds a key's secret");
            assertEquals(3, demo.store().deviceIdentities().all().size());
        }
    }
}
