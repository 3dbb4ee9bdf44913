package org.fleetdesk.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.NewArtefact;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.store.FleetStore;

/** A simulated organisation with a client, a cache file and the rollout service on it, for rollout tests. */
final class SimFleet implements AutoCloseable {
    static final String GOOD_URI = "https://example.com/images/kiosk-v2.img";
    static final String CORRUPT_URI = "https://example.com/images/kiosk-v2-corrupt.img";
    static final String CHECKSUM = "d39fc02ad7878db7f6803f54dfce89346a763a603cb8e62221ba893fee9c5cc6";

    final SimServer sim;
    final RequestLimiter limiter = RequestLimiter.create(500, 32);
    final ConnectClient client;
    final FleetStore store;
    final RolloutJournal journal;
    final Rollouts rollouts;

    SimFleet(SimConfig config, Path dir) throws IOException {
        sim = SimServer.start(config);
        client = ConnectClient.builder().baseUrl(sim.baseUrl()).token(sim.token()).limiter(limiter)
                .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(200))
                        .maxAttempts(6).build())
                .build();
        store = FleetStore.open(dir.resolve("cache.sqlite"));
        journal = new RolloutJournal(store);
        rollouts = new Rollouts(client, journal, limiter);
    }

    static SimConfig.Builder config(int devices) {
        return SimConfig.builder().devices(devices).seed(11).speed(50).offlinePct(0);
    }

    Artefact artefact(String name, String uri) {
        return client.createArtefact(new NewArtefact(name, uri, CHECKSUM));
    }

    static RolloutProgress await(RolloutRun run) throws Exception {
        return run.completion().get(120, TimeUnit.SECONDS);
    }

    /** Device id -> how many deployments of {@code artefactId} the simulator holds for it. */
    Map<String, Long> deploymentsPerDevice(String artefactId) {
        return sim.organisation().deployments().stream().filter(d -> d.artefactId().equals(artefactId))
                .collect(Collectors.groupingBy(Deployment::deviceId, Collectors.counting()));
    }

    void assertExactlyOncePerTarget(String artefactId, Set<String> targets) {
        Map<String, Long> counts = deploymentsPerDevice(artefactId);
        assertEquals(targets, counts.keySet(), "the devices that got the artefact are exactly the targets");
        Map<String, Long> duplicates = new HashMap<>(counts);
        duplicates.values().removeIf(count -> count == 1);
        assertEquals(Map.of(), duplicates, "devices with more than one deployment");
    }

    List<RolloutTarget> targets(RolloutRun run) {
        return journal.targets(run.id());
    }

    @Override
    public void close() {
        client.close();
        store.close();
        sim.stop();
    }
}
