package org.fleetdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.sim.Organisation;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;

/**
 * One cell of the matrix: a simulator (which can be stopped and restarted on its port), the user's FLEETDESK_HOME and
 * a folder for the user's files.
 */
final class Cell implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private SimServer sim;
    private boolean running;
    final Path home;
    final Path files;
    final Fleetdesk fleetdesk;

    Cell(SimConfig config, Path dir) throws IOException {
        sim = SimServer.start(config);
        running = true;
        home = Files.createDirectories(dir.resolve("home"));
        files = Files.createDirectories(dir.resolve("files"));
        fleetdesk = new Fleetdesk(sim.baseUrl(), sim.token(), home);
    }

    Organisation organisation() {
        return sim.organisation();
    }

    /** A client of the simulator for setting a cell up, outside the user's runs. */
    ConnectClient setupClient() {
        return ConnectClient.builder().baseUrl(sim.baseUrl()).token(sim.token())
                .limiter(RequestLimiter.create(20, 4)).retryPolicy(Fleetdesk.RETRIES).build();
    }

    void stopServer() {
        sim.stop();
        running = false;
    }

    void restartServer() throws IOException {
        sim = sim.restart();
        running = true;
    }

    /** The cache file of the connection (FLEETDESK_HOME/env/…/cache.sqlite), once a command has made it. */
    Path cacheFile() throws IOException {
        try (Stream<Path> found = Files.walk(home)) {
            return found.filter(p -> p.getFileName().toString().equals("cache.sqlite")).findFirst()
                    .orElseThrow(() -> new AssertionError("no cache.sqlite under " + home));
        }
    }

    /** Polls {@code condition} every 10 ms; fails when it is still false after {@link #PATIENCE}. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        if (running) {
            sim.stop();
        }
    }
}
