package org.fleetdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.NewArtefact;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.rollout.RolloutJournal;
import org.fleetdesk.rollout.RolloutPlan;
import org.fleetdesk.rollout.RolloutProgress;
import org.fleetdesk.rollout.RolloutRun;
import org.fleetdesk.rollout.RolloutTarget;
import org.fleetdesk.rollout.Rollouts;
import org.fleetdesk.rollout.TargetSet;
import org.fleetdesk.rollout.TargetStatus;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.store.FleetStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rollouts of 10,000 devices against the simulator with 25 ms added to every answer. (1) Creating every deployment
 * with concurrency 16 against a sequential loop of creates (the documented way today), target at least 10 times
 * faster. (2) A rollout in waves (50-device canary, then 10% waves) on devices that take 7–40 simulated seconds:
 * status requests per device (target at most 4) and the delay between a device finishing and the monitor seeing it,
 * scaled to real time at speed 1 (target p95 at most 10 s). Run with {@code mvn -o -Pbench test -Dtest=RolloutBenchmark}.
 */
@Tag("bench")
class RolloutBenchmark {
    private static final int DEVICES = 10_000;
    private static final int CONCURRENCY = 16;
    private static final int SEQUENTIAL_SAMPLE = 400;
    private static final int CREATION_RUNS = 3;
    private static final double MONITOR_SPEED = 3;
    private static final String CHECKSUM = "d39fc02ad7878db7f6803f54dfce89346a763a603cb8e62221ba893fee9c5cc6";

    @Test
    void measure() throws Exception {
        List<String> rows = new ArrayList<>();
        Path dir = Files.createTempDirectory("rollout-bench");
        creation(dir, rows);
        monitoring(dir, rows);
        System.out.println();
        System.out.println("rollout of " + DEVICES + " devices, simulator latency 25 ms, "
                + Runtime.getRuntime().availableProcessors() + " cores");
        rows.forEach(System.out::println);
        System.out.println();
    }

    /** Speed 1000: devices finish within milliseconds, so the rollout's time is the creating of its deployments. */
    private void creation(Path dir, List<String> rows) throws Exception {
        try (SimServer sim = sim(1000);
             ConnectClient client = client(sim);
             FleetStore store = FleetStore.open(dir.resolve("creation.sqlite"))) {
            List<Device> devices = sim.organisation().devices();
            Artefact baseline = artefact(client, "baseline");
            long[] sequential = new long[SEQUENTIAL_SAMPLE];
            for (int i = 0; i < SEQUENTIAL_SAMPLE; i++) {
                long start = System.nanoTime();
                client.createDeployment(devices.get(i).id(), baseline.id());
                sequential[i] = System.nanoTime() - start;
            }
            double sequentialSeconds = median(sequential) * DEVICES / 1e9;

            Rollouts rollouts = new Rollouts(client, new RolloutJournal(store), limiter);
            TargetSet targets = TargetSet.ofDevices(devices);
            long[] runs = new long[CREATION_RUNS];
            for (int run = 0; run < CREATION_RUNS; run++) {
                RolloutRun rollout = rollouts.start(artefact(client, "creation-" + run), targets, RolloutPlan.defaults()
                        .withConcurrency(CONCURRENCY).withMaxFailurePct(100));
                long start = System.nanoTime();
                AtomicLong allCreated = new AtomicLong();
                rollout.addListener(p -> {
                    if (allCreated.get() == 0 && p.counts().get(TargetStatus.WAITING) == 0
                            && p.counts().get(TargetStatus.SENDING) == 0) {
                        allCreated.set(System.nanoTime());
                    }
                });
                rollout.completion().get(10, TimeUnit.MINUTES);
                runs[run] = allCreated.get() - start;
            }
            double fleetdeskSeconds = median(runs) / 1e9;
            rows.add(String.format(Locale.ROOT, "%-62s %10.1f s", "create 10,000 deployments: sequential loop"
                    + " (median of " + SEQUENTIAL_SAMPLE + " creates x 10,000)", sequentialSeconds));
            rows.add(String.format(Locale.ROOT, "%-62s %10.1f s   runs %s", "create 10,000 deployments: Fleetdesk,"
                    + " concurrency " + CONCURRENCY + " (median of " + CREATION_RUNS + ")", fleetdeskSeconds,
                    Arrays.toString(Arrays.stream(runs).mapToObj(n -> String.format(Locale.ROOT, "%.1f", n / 1e9))
                            .toArray())));
            rows.add(String.format(Locale.ROOT, "%-62s %10.1fx   target >= 10x", "ratio", sequentialSeconds
                    / fleetdeskSeconds));
        }
    }

    private void monitoring(Path dir, List<String> rows) throws Exception {
        try (SimServer sim = sim(MONITOR_SPEED);
             ConnectClient client = client(sim);
             FleetStore store = FleetStore.open(dir.resolve("monitoring.sqlite"))) {
            long realAtStart = System.currentTimeMillis();
            Instant simAtStart = sim.organisation().now();
            RolloutJournal journal = new RolloutJournal(store);
            Rollouts rollouts = new Rollouts(client, journal, limiter);
            RolloutRun run = rollouts.start(artefact(client, "monitoring"), TargetSet.ofDevices(sim.organisation()
                    .devices()), RolloutPlan.defaults().withCanary(50).withWaveSize(10).withConcurrency(CONCURRENCY)
                    .withMaxFailurePct(100));
            long start = System.nanoTime();
            RolloutProgress last = run.completion().get(30, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;

            Map<String, Deployment> finished = new HashMap<>();
            sim.organisation().deployments().forEach(d -> finished.put(d.id(), d));
            List<Double> delays = new ArrayList<>();
            for (RolloutTarget target : journal.targets(run.id())) {
                Deployment deployment = finished.get(target.deploymentId());
                if (target.finishedAt() == null || deployment == null) {
                    continue;
                }
                double simSecondsSinceStart = Duration.between(simAtStart, deployment.updatedAt()).toMillis() / 1000.0;
                double finishedAtReal = realAtStart + simSecondsSinceStart * 1000 / MONITOR_SPEED;
                delays.add((target.finishedAt().toEpochMilli() - finishedAtReal) / 1000.0 * MONITOR_SPEED);
            }
            double[] sorted = delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            rows.add(String.format(Locale.ROOT, "%-62s %10.1f s", "rollout in waves (canary 50, 10% waves), speed "
                    + MONITOR_SPEED + ", wall time", seconds));
            rows.add(String.format(Locale.ROOT, "%-62s %10.2f     target <= 4", "status requests per device",
                    last.statusRequests() / (double) DEVICES));
            rows.add(String.format(Locale.ROOT, "%-62s %5.1f / %4.1f s  target p95 <= 10 s",
                    "finish seen after, at speed 1: median / p95 (+<1 s rounding)", quantile(sorted, 0.5),
                    quantile(sorted, 0.95)));
            rows.add(String.format(Locale.ROOT, "%-62s %s", "final counts", last.counts()));
        }
    }

    private final RequestLimiter limiter = RequestLimiter.create(5000, 64);

    private static SimServer sim(double speed) throws Exception {
        return SimServer.start(SimConfig.builder().devices(DEVICES).seed(42).latencyMs(25).speed(speed).offlinePct(0)
                .build());
    }

    private ConnectClient client(SimServer sim) {
        return ConnectClient.builder().baseUrl(sim.baseUrl()).token(sim.token()).limiter(limiter).build();
    }

    private static Artefact artefact(ConnectClient client, String name) {
        return client.createArtefact(new NewArtefact(name, "https://example.com/" + name + ".img", CHECKSUM));
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double quantile(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }
}
