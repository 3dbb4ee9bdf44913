package org.fleetdesk.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.Json;
import org.junit.jupiter.api.Test;

class RolloutPlanTest {
    private static final RolloutPlan PLAN = RolloutPlan.defaults();

    @Test
    void summariesSayThePlanInPlainWords() {
        assertEquals("5 canary devices, then 25% waves; stop if more than 10% fail",
                PLAN.withCanary(5).withWaveSize(25).summary());
        assertEquals("1 canary device, then waves up to 10%, 25%, 50% and 100%; stop if more than 2.5% fail",
                PLAN.withCanary(1).withWaves(List.of(10, 25, 50, 100)).withMaxFailurePct(2.5).summary());
        assertEquals("all devices at once; stop if more than 10% fail", PLAN.summary());
        assertEquals("3 canary devices, then all the others at once; stop if more than 0% fail",
                PLAN.withCanary(3).withMaxFailurePct(0).summary());
        assertEquals("The threshold is checked once 5 deployments have finished. 8 deployments are created at a time."
                + " A deployment not finished after 30 minutes counts as failed.", PLAN.details());
    }

    @Test
    void wavesByCanaryAndSize() {
        List<Wave> waves = PLAN.withCanary(5).withWaveSize(25).waves(100);
        assertEquals(List.of(new Wave(0, "Canary", 0, 5), new Wave(1, "Wave 1", 5, 30), new Wave(2, "Wave 2", 30, 55),
                new Wave(3, "Wave 3", 55, 80), new Wave(4, "Wave 4", 80, 100)), waves);
    }

    @Test
    void wavesByCumulativePercentagesSkipWhatTheCanaryCovered() {
        List<Wave> waves = PLAN.withCanary(12).withWaves(List.of(10, 25, 50, 100)).waves(100);
        assertEquals(List.of(new Wave(0, "Canary", 0, 12), new Wave(1, "Wave 1", 12, 25), new Wave(2, "Wave 2", 25, 50),
                new Wave(3, "Wave 3", 50, 100)), waves);
    }

    @Test
    void aSmallTargetSetStillHasEveryDeviceInExactlyOneWave() {
        for (int targets = 0; targets <= 30; targets++) {
            for (RolloutPlan plan : List.of(PLAN, PLAN.withCanary(5).withWaveSize(7), PLAN.withWaves(List.of(1, 2, 100)),
                    PLAN.withCanary(40))) {
                List<Wave> waves = plan.waves(targets);
                int next = 0;
                for (int i = 0; i < waves.size(); i++) {
                    assertEquals(i, waves.get(i).index());
                    assertEquals(next, waves.get(i).from());
                    assertTrue(waves.get(i).size() > 0);
                    next = waves.get(i).to();
                }
                assertEquals(targets, next, plan.summary() + " on " + targets);
            }
        }
    }

    @Test
    void theThresholdWaitsForTheMinimumThenStopsAboveTheShare() {
        RolloutPlan plan = PLAN.withCanary(4).withMaxFailurePct(25);
        assertTrue(plan.thresholdBreach(counts(3, 0), 100).isEmpty(), "3 of 4 canary devices finished: not yet");
        assertTrue(plan.thresholdBreach(counts(1, 3), 100).isEmpty(), "25% is not more than 25%");
        assertEquals("2 of 4 finished deployments failed (50%), more than the 25% allowed",
                plan.thresholdBreach(counts(2, 2), 100).orElseThrow());
        assertTrue(plan.thresholdBreach(counts(2, 0), 2).isPresent(), "all of a 2-device rollout finished");
        assertEquals(5, PLAN.minFinishedOrDefault());
        assertEquals(4, plan.minFinishedOrDefault());
        assertEquals(9, plan.withMinFinished(9).minFinishedOrDefault());
    }

    @Test
    void invalidPlansAreRefusedWithWhatIsAllowed() {
        assertMessage("Give either a wave size or a list of wave percentages, not both.",
                () -> new RolloutPlan(0, 10, List.of(50, 100), 10, null, 8, 30));
        assertMessage("The last wave percentage is 50, so the rollout would never reach every target. Wave percentages"
                + " are shares of all targets deployed once each wave is done, rising to 100, e.g. 10,25,50,100.",
                () -> PLAN.withWaves(List.of(10, 50)));
        assertMessage("Wave percentage 20 does not rise from 50.", () -> PLAN.withWaves(List.of(50, 20, 100)));
        assertMessage("The wave size must be between 1 and 100 percent of the targets, got 0.", () -> PLAN.withWaveSize(0));
        assertMessage("The failure threshold must be between 0 and 100 percent, got 120%.",
                () -> PLAN.withMaxFailurePct(120));
        assertMessage("Concurrency must be between 1 and 64 deployments at a time, got 0.", () -> PLAN.withConcurrency(0));
        assertMessage("The canary size must be 0 (no canary) or more devices, got -1.", () -> PLAN.withCanary(-1));
        assertMessage("The timeout must be between 1 minute and 10080 minutes (a week), got 0.",
                () -> PLAN.withTimeoutMinutes(0));
    }

    @Test
    void roundTripsThroughTheJournalsJson() throws Exception {
        RolloutPlan plan = PLAN.withCanary(5).withWaves(List.of(10, 50, 100)).withMinFinished(7).withMaxFailurePct(2.5);
        String json = Json.mapper().writeValueAsString(plan);
        assertTrue(json.contains("\"wave_percentages\":[10,50,100]"), json);
        assertEquals(plan, Json.mapper().readValue(json, RolloutPlan.class));
    }

    private static StatusCounts counts(int failed, int succeeded) {
        Map<TargetStatus, Integer> map = new EnumMap<>(TargetStatus.class);
        map.put(TargetStatus.FAILED, failed);
        map.put(TargetStatus.SUCCEEDED, succeeded);
        map.put(TargetStatus.WAITING, 10);
        return StatusCounts.of(map);
    }

    private static void assertMessage(String expected, Runnable action) {
        String message = assertThrows(InvalidInputException.class, action::run).getMessage();
        assertTrue(message.startsWith(expected), message);
    }
}
