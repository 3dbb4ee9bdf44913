package org.fleetdesk.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.store.ActivityEntry;
import org.fleetdesk.store.ApiActivityRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rollout's life goes into the activity log next to the deployments it created, with the face that did it. */
class RolloutActivityTest {
    @TempDir
    Path dir;

    @Test
    void startedPausedResumedAbortedFromTheGui() throws Exception {
        try (SimFleet fleet = new SimFleet(SimFleet.config(12).speed(1).build(), dir)) {
            Rollouts rollouts = new Rollouts(fleet.client, new RolloutJournal(fleet.store, ApiActivityRecorder.GUI),
                    fleet.limiter);
            Artefact artefact = fleet.artefact("kiosk-v2", SimFleet.GOOD_URI);
            RolloutRun run = rollouts.start(artefact, TargetSet.fromApi(fleet.client, "", 4, () -> false),
                    RolloutPlan.defaults().withCanary(2));
            run.pause();
            run.resume();
            run.abort();
            SimFleet.await(run);

            List<ActivityEntry> entries = rolloutEntries(fleet);
            assertEquals(List.of("rollout started", "rollout paused", "rollout resumed", "rollout aborted"),
                    entries.stream().map(ActivityEntry::action).toList());
            assertTrue(entries.stream().allMatch(e -> e.source().equals(ApiActivityRecorder.GUI)
                    && e.subject().equals(run.rollout().name()) && e.succeeded()), entries.toString());
            assertTrue(entries.get(0).message().startsWith("kiosk-v2 to "), entries.get(0).message());
            assertEquals("Aborted by the user.", entries.get(3).message());
        }
    }

    @Test
    void aRolloutStoppedByItsThresholdSaysWhy() throws Exception {
        try (SimFleet fleet = new SimFleet(SimFleet.config(30).build(), dir)) {
            Rollouts rollouts = new Rollouts(fleet.client, new RolloutJournal(fleet.store, ApiActivityRecorder.CLI),
                    fleet.limiter);
            Artefact artefact = fleet.artefact("kiosk-bad", SimFleet.CORRUPT_URI);
            SimFleet.await(rollouts.start(artefact, TargetSet.fromApi(fleet.client, "", 4, () -> false),
                    RolloutPlan.defaults().withCanary(3)));

            List<ActivityEntry> entries = rolloutEntries(fleet);
            assertEquals(List.of("rollout started", "rollout stopped by its failure threshold"),
                    entries.stream().map(ActivityEntry::action).toList());
            assertTrue(entries.get(1).message().startsWith("Failure threshold exceeded"), entries.get(1).message());
            assertEquals(ApiActivityRecorder.CLI, entries.get(1).source());
        }
    }

    @Test
    void aJournalForReadingRecordsNothing() throws Exception {
        try (SimFleet fleet = new SimFleet(SimFleet.config(10).build(), dir)) {
            Artefact artefact = fleet.artefact("kiosk-v2", SimFleet.GOOD_URI);
            SimFleet.await(fleet.rollouts.start(artefact, TargetSet.fromApi(fleet.client, "", 4, () -> false),
                    RolloutPlan.defaults()));
            assertEquals(List.of(), rolloutEntries(fleet));
        }
    }

    /** Oldest first. */
    private static List<ActivityEntry> rolloutEntries(SimFleet fleet) {
        List<ActivityEntry> newestFirst = fleet.store.activity().entries(null, null, null, 100).stream()
                .filter(e -> e.action().startsWith("rollout ")).toList();
        List<ActivityEntry> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
