package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.Json;
import org.fleetdesk.query.QueryMatcher;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleetdesk deploy} killed with SIGKILL mid-wave, then {@code rollouts resume}: one deployment per target. */
class RolloutKillTest {
    private static final String QUERY = "tag:production";

    @TempDir
    Path home;

    @Test
    void aRolloutKilledMidWaveAndResumedDeploysEveryTargetExactlyOnce() throws Exception {
        try (SimServer sim = SimServer.start(SimConfig.builder().devices(80).seed(21).speed(20).latencyMs(60)
                .offlinePct(0).build())) {
            RolloutSimCli cli = new RolloutSimCli(sim, home);
            assertEquals(0, cli.run("artefacts", "create", "--name", "kiosk-v2", "--uri", "https://example.com/k.img",
                    "--checksum", "d39fc02ad7878db7f6803f54dfce89346a763a603cb8e62221ba893fee9c5cc6").exitCode());
            Set<String> targets = sim.organisation().devices().stream()
                    .filter(QueryMatcher.of(QueryParser.parse(QUERY))).map(Device::id).collect(Collectors.toSet());

            Process deploy = fleetdesk(cli.variables(), "deploy", "--artefact", "kiosk-v2", "--query", QUERY,
                    "--canary", "3", "--wave-size", "20", "--max-failure-pct", "50", "--concurrency", "4", "--yes");
            try {
                awaitDeployments(sim, 12, deploy);
            } finally {
                deploy.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            int atKill = sim.organisation().deployments().size();
            assertTrue(atKill < targets.size(), "killed mid-rollout: " + atKill + " of " + targets.size());

            JsonNode list = Json.mapper().readTree(cli.run("rollouts", "list", "--format", "json").out());
            assertEquals("running", list.get(0).get("state").asText(), "the journal shows an interrupted rollout");
            RolloutSimCli.Result resumed = cli.run("rollouts", "resume", list.get(0).get("id").asText(), "--yes");

            assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
            Map<String, Long> perDevice = sim.organisation().deployments().stream()
                    .collect(Collectors.groupingBy(Deployment::deviceId, Collectors.counting()));
            assertEquals(targets, perDevice.keySet());
            assertEquals(List.of(), perDevice.entrySet().stream().filter(e -> e.getValue() != 1).toList(),
                    "devices with more than one deployment");
        }
    }

    private static Process fleetdesk(Map<String, String> variables, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.fleetdesk.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(variables);
        File log = Files.createTempFile("fleetdesk-deploy", ".log").toFile();
        log.deleteOnExit();
        return builder.redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void awaitDeployments(SimServer sim, int count, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (sim.organisation().deployments().size() < count) {
            assertTrue(process.isAlive(), "the deploy process ended before it could be killed");
            assertTrue(System.nanoTime() < deadline, "the deploy process made no deployments");
            Thread.sleep(20);
        }
    }
}
