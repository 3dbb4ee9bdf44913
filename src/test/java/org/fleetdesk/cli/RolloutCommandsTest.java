package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.Json;
import org.fleetdesk.query.QueryMatcher;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutCommandsTest {
    private static final String CHECKSUM = "d39fc02ad7878db7f6803f54dfce89346a763a603cb8e62221ba893fee9c5cc6";

    @TempDir
    Path home;

    private SimServer sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.stop();
        }
    }

    private RolloutSimCli cli(SimConfig.Builder config) throws Exception {
        sim = SimServer.start(config.seed(5).speed(50).offlinePct(0).build());
        return new RolloutSimCli(sim, home);
    }

    private void artefact(RolloutSimCli cli, String name, String uri) {
        RolloutSimCli.Result created = cli.run("artefacts", "create", "--name", name, "--uri", uri, "--checksum", CHECKSUM);
        assertEquals(0, created.exitCode(), created.err());
    }

    @Test
    void deployReachesTheQuerysDevicesOnceThenTheJournalListsAndShowsIt() throws Exception {
        RolloutSimCli cli = cli(SimConfig.builder().devices(50));
        artefact(cli, "kiosk-v2", "https://example.com/kiosk-v2.img");

        RolloutSimCli.Result deploy = cli.run("deploy", "--artefact", "kiosk-v2", "--query", "tag:production", "--canary", "2",
                "--wave-size", "50", "--max-failure-pct", "50", "--yes");

        assertEquals(0, deploy.exitCode(), deploy.err());
        assertTrue(deploy.err().contains("Plan: 2 canary devices, then 50% waves; stop if more than 50% fail."),
                deploy.err());
        assertTrue(deploy.out().matches("(?s)Rollout \\w+ completed: .*"), deploy.out());
        Set<String> expected = sim.organisation().devices().stream()
                .filter(QueryMatcher.of(QueryParser.parse("tag:production"))).map(Device::id).collect(Collectors.toSet());
        Map<String, Long> perDevice = sim.organisation().deployments().stream()
                .collect(Collectors.groupingBy(Deployment::deviceId, Collectors.counting()));
        assertEquals(expected, perDevice.keySet());
        assertTrue(perDevice.values().stream().allMatch(count -> count == 1));

        JsonNode list = Json.mapper().readTree(cli.run("rollouts", "list", "--format", "json").out());
        assertEquals(1, list.size());
        JsonNode rollout = list.get(0);
        assertEquals("kiosk-v2", rollout.get("artefact_name").asText());
        assertEquals("completed", rollout.get("state").asText());
        int succeeded = rollout.get("counts").get("succeeded").asInt();
        int failed = rollout.get("counts").get("failed").asInt();
        assertEquals(expected.size(), succeeded + failed, "counts: " + rollout.get("counts"));

        String id = rollout.get("id").asText();
        RolloutSimCli.Result show = cli.run("rollouts", "show", id.substring(0, 3));
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("2 canary devices, then 50% waves; stop if more than 50% fail."), show.out());
        assertTrue(show.out().contains("Canary"), show.out());
        JsonNode shown = Json.mapper().readTree(cli.run("rollouts", "show", id, "--format", "json").out());
        assertEquals(expected.size(), shown.get("targets").size());
        assertEquals(2, shown.get("waves").get(0).get("devices").asInt());

        assertTrue(Files.exists(CacheLocation.of(new Connection.Settings(sim.baseUrl(), sim.token(), null),
                new CliEnvironment(cli.variables(), System.in, null))));
    }

    @Test
    void aCorruptArtefactIsStoppedByTheCanaryWithExitCode7() throws Exception {
        RolloutSimCli cli = cli(SimConfig.builder().devices(40));
        artefact(cli, "kiosk-bad", "https://example.com/kiosk-corrupt.img");

        RolloutSimCli.Result deploy = cli.run("deploy", "--artefact", "kiosk-bad", "--query", "", "--canary", "4",
                "--wave-size", "25", "--yes");

        assertEquals(7, deploy.exitCode(), deploy.out() + deploy.err());
        assertTrue(deploy.out().contains("stopped"), deploy.out());
        assertTrue(deploy.out().contains("Checksum mismatch"), deploy.out());
        assertEquals(4, sim.organisation().deployments().size(), "only the canary got it");
    }

    @Test
    void anEndedTrialStopsAtTheFirstCreateWithTheBillingMessage() throws Exception {
        RolloutSimCli cli = cli(SimConfig.builder().devices(20).trialEnded(true));
        artefact(cli, "kiosk-v2", "https://example.com/kiosk-v2.img");

        RolloutSimCli.Result deploy = cli.run("deploy", "--artefact", "kiosk-v2", "--query", "", "--yes");

        assertEquals(5, deploy.exitCode(), deploy.err());
        assertTrue(deploy.err().contains("Error: Deployments are blocked until billing has been set up (HTTP 403)"),
                deploy.err());
        assertTrue(deploy.err().contains("Set up billing in the Connect dashboard"), deploy.err());
        assertTrue(deploy.err().contains("fleetdesk rollouts resume"), deploy.err());
        assertTrue(sim.organisation().deployments().isEmpty());
        JsonNode list = Json.mapper().readTree(cli.run("rollouts", "list", "--format", "json").out());
        assertEquals("halted", list.get(0).get("state").asText());
    }

    @Test
    void withoutYesThePlanIsShownAndARefusalSendsNothing() throws Exception {
        RolloutSimCli cli = cli(SimConfig.builder().devices(10));
        artefact(cli, "kiosk-v2", "https://example.com/kiosk-v2.img");

        RolloutSimCli.Result refused = cli.answering("n\n").run("deploy", "--artefact", "kiosk-v2", "--query", "",
                "--waves", "20,100");

        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("Deploy kiosk-v2 ("), refused.err());
        assertTrue(refused.err().contains("to 10 devices: every device in the organisation."), refused.err());
        assertTrue(refused.err().contains("Plan: waves up to 20% and 100%; stop if more than 10% fail."), refused.err());
        assertTrue(refused.err().contains("Start the rollout? [y/N]"), refused.err());
        assertTrue(sim.organisation().deployments().isEmpty());
        assertEquals("No rollouts.\n", cli.run("rollouts", "list").out());
    }

    @Test
    void invalidPlansAndUnknownArtefactsAreRefusedBeforeAnythingIsSent() throws Exception {
        RolloutSimCli cli = cli(SimConfig.builder().devices(5));
        artefact(cli, "kiosk-v2", "https://example.com/kiosk-v2.img");

        RolloutSimCli.Result both = cli.run("deploy", "--artefact", "kiosk-v2", "--query", "", "--wave-size", "10",
                "--waves", "50,100", "--yes");
        RolloutSimCli.Result notRising = cli.run("deploy", "--artefact", "kiosk-v2", "--query", "", "--waves", "10,50", "--yes");
        RolloutSimCli.Result unknown = cli.run("deploy", "--artefact", "kiosk-v9", "--query", "", "--yes");
        RolloutSimCli.Result noDevice = cli.run("deploy", "--artefact", "kiosk-v2", "--query", "tag:nothing-has-this", "--yes");

        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        assertEquals(2, notRising.exitCode());
        assertTrue(notRising.err().contains("The last wave percentage is 50"), notRising.err());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("No artefact has the name or ID \"kiosk-v9\""), unknown.err());
        assertEquals(2, noDevice.exitCode());
        assertTrue(noDevice.err().contains("No device matches the query \"tag:nothing-has-this\""), noDevice.err());
        assertTrue(sim.organisation().deployments().isEmpty());
    }

    @Test
    void theCacheOfAProfileIsItsFolderAndTheEnvironmentsIsKeyedByUrlAndToken() {
        CliEnvironment environment = new CliEnvironment(Map.of("FLEETDESK_HOME", home.toString()), System.in, null);
        Connection.profiles(environment).add(new org.fleetdesk.secrets.Profile("acme", "https://api.connect.raspberrypi.com",
                org.fleetdesk.secrets.TokenStoreKind.SESSION), org.fleetdesk.secrets.Secret.of("rporg_a"));
        Path profile = CacheLocation.of(new Connection.Settings("https://api.connect.raspberrypi.com", "rporg_a", "acme"),
                environment);
        Path envA = CacheLocation.of(new Connection.Settings("https://api.connect.raspberrypi.com", "rporg_a", null),
                environment);
        Path envB = CacheLocation.of(new Connection.Settings("https://api.connect.raspberrypi.com", "rporg_b", null),
                environment);
        Path local = CacheLocation.of(new Connection.Settings("http://127.0.0.1:8080", "rporg_a", null), environment);

        assertEquals(home.resolve("orgs/acme/cache.sqlite"), profile);
        assertTrue(envA.startsWith(home.resolve("env")));
        assertTrue(envA.getParent().getFileName().toString().startsWith("api.connect.raspberrypi.com-"), envA.toString());
        assertTrue(local.getParent().getFileName().toString().startsWith("127.0.0.1-8080-"), local.toString());
        assertTrue(!envA.equals(envB), "two organisations on the same URL never share a cache");
        assertTrue(!envA.toString().contains("rporg_a"));
    }
}
