package org.fleetdesk.ui.rollouts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.NewArtefact;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.ui.common.ConnectionState;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.common.TaskExecutor;

/** A window's session on a simulated organisation whose cache has been synced, for view-model and TestFX tests. */
public final class SimSession {
    public static final String CHECKSUM = "d39fc02ad7878db7f6803f54dfce89346a763a603cb8e62221ba893fee9c5cc6";

    private SimSession() {
    }

    /** Online, synced; closing the session stops the simulator. Call {@code setConnection} on the FX thread in TestFX. */
    public static Session open(SimConfig config, Path dir, TaskExecutor executor) throws IOException {
        SimServer sim = SimServer.start(config);
        RequestLimiter limiter = RequestLimiter.create(300, 32);
        ConnectClient client = ConnectClient.builder().baseUrl(sim.baseUrl()).token(sim.token()).limiter(limiter)
                .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(20)).build()).build();
        FleetStore store = FleetStore.open(dir.resolve("cache.sqlite"));
        Session session = new Session("Simulated", true, client, limiter, store, executor, sim::stop);
        session.sync().syncAll((resource, done, total) -> { }, () -> false);
        return session;
    }

    public static void online(Session session) {
        session.setConnection(ConnectionState.ONLINE, "");
    }

    public static Artefact artefact(Session session, String name, String uri) {
        return session.client().createArtefact(new NewArtefact(name, uri, CHECKSUM));
    }
}
