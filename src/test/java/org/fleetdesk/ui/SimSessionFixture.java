package org.fleetdesk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.ui.common.ConnectionState;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.common.TaskExecutor;

/**
 * A {@link Session} on an in-process simulator, with its cache in a temporary folder, already synced and online:
 * what UI tests build screens on. {@code sim()} gives the organisation for assertions. Close it to stop everything
 * and delete the folder.
 * <pre>{@code
 * try (SimSessionFixture fixture = SimSessionFixture.start(250, 7, new FxTaskExecutor(2))) {
 *     Session session = fixture.session();
 *     ...
 * }
 * }</pre>
 * Call {@link #start} off the FX thread; set the session's connection on the FX thread if a test changes it.
 */
public final class SimSessionFixture implements AutoCloseable {
    private final SimServer sim;
    private final Session session;
    private final Path folder;

    private SimSessionFixture(SimServer sim, Session session, Path folder) {
        this.sim = sim;
        this.session = session;
        this.folder = folder;
    }

    /** A simulator with {@code devices} devices generated from {@code seed}, synced into a fresh cache. */
    public static SimSessionFixture start(int devices, long seed, TaskExecutor executor) {
        return start(SimConfig.builder().devices(devices).seed(seed).build(), executor);
    }

    public static SimSessionFixture start(SimConfig config, TaskExecutor executor) {
        return start(config, executor, true);
    }

    /**
     * As {@link #start(int, long, TaskExecutor)}, but the cache is filled straight from the simulator's organisation
     * instead of through the API: the same devices, much faster for 100,000 of them (benchmarks, previews).
     */
    public static SimSessionFixture startWithoutSync(int devices, long seed, TaskExecutor executor) {
        return start(SimConfig.builder().devices(devices).seed(seed).build(), executor, false);
    }

    private static SimSessionFixture start(SimConfig config, TaskExecutor executor, boolean sync) {
        try {
            Path folder = Files.createTempDirectory("fleetdesk-ui-test");
            SimServer sim = SimServer.start(config);
            RequestLimiter limiter = RequestLimiter.create(1000, 8);
            ConnectClient client = ConnectClient.builder().baseUrl(sim.baseUrl()).token(sim.token()).limiter(limiter)
                    .build();
            FleetStore store = FleetStore.open(folder.resolve("cache.sqlite"));
            Session session = new Session("Test organisation", true, client, limiter, store, executor, sim::stop);
            if (sync) {
                session.sync().syncAll((resource, done, total) -> { }, () -> false);
            } else {
                store.replaceDevices(sim.organisation().devices());
            }
            session.setConnection(ConnectionState.ONLINE, "");
            return new SimSessionFixture(sim, session, folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Session session() {
        return session;
    }

    public SimServer sim() {
        return sim;
    }

    /** The temporary folder holding the cache (and anything a screen writes beside it). */
    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        session.close();
        session.executor().shutdown();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
