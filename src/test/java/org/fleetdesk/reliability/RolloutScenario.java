package org.fleetdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.Json;
import org.fleetdesk.api.NewArtefact;
import org.fleetdesk.sim.SimConfig;

/**
 * {@code deploy} of an artefact to 24 devices (a canary of 2, then waves of 25 %, 4 at a time). After a failed or
 * interrupted run the user resumes it with {@code rollouts resume ID}, the ID from {@code rollouts list}.
 */
final class RolloutScenario implements Scenario {
    static final String ARTEFACT = "fm-image";
    private static final String CHECKSUM = "d39fc02ad7878db7f6803f54dfce89346a763a603cb8e62221ba893fee9c5cc6";

    private String artefactId;

    @Override
    public SimConfig.Builder organisation() {
        return SimConfig.builder().devices(24).seed(53).speed(200).offlinePct(0);
    }

    @Override
    public long interruptibleLatencyMs() {
        return 60;
    }

    @Override
    public void prepare(Cell cell) throws Exception {
        try (ConnectClient setup = cell.setupClient()) {
            Cell.await("the artefact exists", () -> {
                try {
                    setup.createArtefact(new NewArtefact(ARTEFACT, "https://example.com/fm.img", CHECKSUM));
                } catch (RuntimeException failedOrAnswerLost) {
                    // the fault hit the setup: the organisation says whether it was made
                }
                return cell.organisation().artefacts().stream().anyMatch(a -> a.name().equals(ARTEFACT));
            });
        }
        artefactId = cell.organisation().artefacts().stream().filter(a -> a.name().equals(ARTEFACT))
                .map(Artefact::id).findFirst().orElseThrow();
    }

    @Override
    public String[] command(Cell cell) {
        return new String[] {"deploy", "--artefact", ARTEFACT, "--query", "", "--canary", "2", "--wave-size", "25",
                "--max-failure-pct", "50", "--concurrency", "4", "--yes"};
    }

    @Override
    public boolean midRun(Cell cell, String outputSoFar) {
        return cell.organisation().deployments().size() >= 8;
    }

    @Override
    public String[] completion(Cell cell) throws Exception {
        Fleetdesk.Result list = cell.fleetdesk.run("rollouts", "list", "--format", "json");
        assertEquals(0, list.exitCode(), list.toString());
        JsonNode newest = Json.mapper().readTree(list.out()).get(0);
        return new String[] {"rollouts", "resume", newest.get("id").asText(), "--yes"};
    }

    @Override
    public void assertComplete(Cell cell) {
        Set<String> targets = cell.organisation().devices().stream().map(Device::id).collect(Collectors.toSet());
        Map<String, Long> perDevice = cell.organisation().deployments().stream()
                .filter(d -> d.artefactId().equals(artefactId))
                .collect(Collectors.groupingBy(Deployment::deviceId, Collectors.counting()));
        assertEquals(targets, perDevice.keySet(), "every target has a deployment");
        assertEquals(Map.of(), perDevice.entrySet().stream().filter(e -> e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "targets with more than one deployment");
    }

    @Override
    public String completedOutcome() {
        return "Rollout \\S+ completed";
    }

    @Override
    public String resumedOutcome() {
        return "Rollout \\S+ \\(.*\\) is (running|halted)";
    }
}
