package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.Json;
import org.fleetdesk.api.NewArtefact;
import org.fleetdesk.rollout.RolloutPlan;
import org.fleetdesk.rollout.Wave;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.store.FleetStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged cache or journal met by the rollout commands: the cache is rebuilt and an interrupted rollout still
 * resumes to exactly one deployment per target; a damaged journal is moved aside with a message.
 */
class CacheRecoveryCommandsTest {
    private static final String DEAD_OWNER = "2147483646@1";
    private static final String ROLLOUT = "r7crash";

    @TempDir
    Path home;

    private SimServer sim;
    private RolloutSimCli cli;
    private Path cacheFile;

    @BeforeEach
    void start() throws Exception {
        sim = SimServer.start(SimConfig.builder().devices(30).seed(5).speed(50).offlinePct(0).build());
        cli = new RolloutSimCli(sim, home);
        cacheFile = CacheLocation.of(new Connection.Settings(sim.baseUrl(), sim.token(), null),
                new CliEnvironment(cli.variables(), System.in, null));
        RolloutSimCli.Result synced = cli.run("devices", "sync");
        assertEquals(0, synced.exitCode(), synced.err());
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    /**
     * Journals what a deploy process killed mid-wave leaves: 5 creates sent whose answer was lost, 5 intents whose
     * request never left, 5 deployments known, the rest waiting; its owner is dead.
     */
    private List<String> interruptedRollout() throws Exception {
        List<Device> devices = sim.organisation().devices();
        RolloutPlan plan = RolloutPlan.defaults().withCanary(3).withWaveSize(50).withMaxFailurePct(100);
        long now = System.currentTimeMillis();
        try (ConnectClient client = ConnectClient.builder().baseUrl(sim.baseUrl()).token(sim.token()).build();
             FleetStore store = FleetStore.open(cacheFile)) {
            Artefact artefact = client.createArtefact(new NewArtefact("kiosk-v2", "https://example.com/k.img",
                    "d39fc02ad7878db7f6803f54dfce89346a763a603cb8e62221ba893fee9c5cc6"));
            store.journal().write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO rollouts(id, name, artefact_id,"
                        + " artefact_name, query, from_query, targets_description, plan_json, state, created_at,"
                        + " updated_at, owner) VALUES (?, 'kiosk update', ?, 'kiosk-v2', '', 1, 'every device', ?,"
                        + " 'running', ?, ?, ?)")) {
                    ps.setString(1, ROLLOUT);
                    ps.setString(2, artefact.id());
                    ps.setString(3, Json.mapper().writeValueAsString(plan));
                    ps.setLong(4, now);
                    ps.setLong(5, now);
                    ps.setString(6, DEAD_OWNER);
                    ps.executeUpdate();
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO rollout_targets(rollout_id, device_id,"
                        + " device_name, wave, position, status, attempts, intent_at, deployment_id, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Wave wave : plan.waves(devices.size())) {
                        for (int position = wave.from(); position < wave.to(); position++) {
                            Device device = devices.get(position);
                            String deployment = null;
                            String status = position < 15 ? "sending" : "waiting";
                            if (position < 5) {
                                client.createDeployment(device.id(), artefact.id());
                            } else if (position >= 10 && position < 15) {
                                deployment = client.createDeployment(device.id(), artefact.id()).id();
                                status = "pending";
                            }
                            ps.setString(1, ROLLOUT);
                            ps.setString(2, device.id());
                            ps.setString(3, device.name());
                            ps.setInt(4, wave.index());
                            ps.setInt(5, position);
                            ps.setString(6, status);
                            ps.setInt(7, position < 15 ? 1 : 0);
                            ps.setObject(8, position < 15 ? now : null);
                            ps.setString(9, deployment);
                            ps.setLong(10, now);
                            ps.executeUpdate();
                        }
                    }
                }
                return null;
            });
        }
        return devices.stream().map(Device::id).toList();
    }

    private List<Path> damagedCopies(String name) throws Exception {
        try (Stream<Path> files = Files.list(cacheFile.getParent())) {
            return files.filter(f -> f.getFileName().toString().matches(name + "\\.damaged-\\d{8}-\\d{6}")).toList();
        }
    }

    @Test
    void aCorruptCacheIsRebuiltAndAnInterruptedRolloutStillResumesToOneDeploymentPerTarget() throws Exception {
        List<String> targets = interruptedRollout();
        Files.writeString(cacheFile, "this cache was overwritten by something else ".repeat(200));

        RolloutSimCli.Result listed = cli.run("rollouts", "list", "--format", "json");

        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(listed.err().contains("The local cache " + cacheFile + " was damaged, so it was moved to "),
                listed.err());
        assertTrue(listed.err().contains("Rollouts, the activity log and saved searches are kept in their own file, "
                + cacheFile.resolveSibling("journal.sqlite") + ", and are safe."), listed.err());
        assertEquals(1, damagedCopies("cache.sqlite").size());
        JsonNode rollouts = Json.mapper().readTree(listed.out());
        assertEquals(ROLLOUT, rollouts.get(0).get("id").asText());
        assertEquals("running", rollouts.get(0).get("state").asText());

        RolloutSimCli.Result resumed = cli.run("rollouts", "resume", ROLLOUT, "--yes");

        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("Rollout " + ROLLOUT + " completed"), resumed.out());
        Map<String, Long> perDevice = sim.organisation().deployments().stream()
                .collect(Collectors.groupingBy(Deployment::deviceId, Collectors.counting()));
        assertEquals(Set.copyOf(targets), perDevice.keySet());
        assertEquals(Map.of(), perDevice.entrySet().stream().filter(e -> e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "devices with more than one deployment");

        RolloutSimCli.Result rebuilt = cli.run("devices", "sync");
        assertEquals(0, rebuilt.exitCode(), rebuilt.err());
        assertEquals(30, Json.mapper().readTree(cli.run("devices", "list", "--offline", "--format", "json").out()).size(),
                "a sync rebuilt the cache");
    }

    @Test
    void aCorruptJournalIsMovedAsideWithAClearMessageAndTheCommandStillRuns() throws Exception {
        interruptedRollout();
        Path journal = cacheFile.resolveSibling("journal.sqlite");
        Files.writeString(journal, "not a journal ".repeat(300));

        RolloutSimCli.Result listed = cli.run("rollouts", "list");

        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(listed.err().contains("The journal " + journal + " (rollouts, activity log, saved searches) was"
                + " damaged. It was moved to "), listed.err());
        assertTrue(listed.err().contains("Some of its rows could not be read; the damaged file is kept for inspection"),
                listed.err());
        assertEquals(List.of(journal.resolveSibling(damagedCopies("journal.sqlite").get(0).getFileName())),
                damagedCopies("journal.sqlite"));
        assertEquals("not a journal ".repeat(300), Files.readString(damagedCopies("journal.sqlite").get(0)));
        assertEquals(0, cli.run("rollouts", "list").err().length(), "told once; the new journal is sound");
    }
}
