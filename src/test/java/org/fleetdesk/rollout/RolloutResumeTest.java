package org.fleetdesk.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal left behind by a process that died mid-wave, resumed by another: no device gets a second deployment. */
class RolloutResumeTest {
    private static final String DEAD_OWNER = "2147483646@1";

    @TempDir
    Path dir;

    @Test
    void resumeReconcilesUncertainCreatesAndDeploysEveryTargetExactlyOnce() throws Exception {
        try (SimFleet fleet = new SimFleet(SimFleet.config(30).build(), dir)) {
            Artefact artefact = fleet.artefact("kiosk-v2", SimFleet.GOOD_URI);
            TargetSet targets = TargetSet.fromApi(fleet.client, "", 4, () -> false);
            Rollout rollout = journalled(fleet, artefact, targets);
            List<Target> ordered = targets.targets();
            long now = System.currentTimeMillis();
            for (int i = 0; i < 15; i++) {
                String device = ordered.get(i).deviceId();
                fleet.journal.markSending(rollout.id(), device, now);
                if (i < 5) {
                    fleet.client.createDeployment(device, artefact.id());
                } else if (i >= 10) {
                    Deployment made = fleet.client.createDeployment(device, artefact.id());
                    fleet.journal.markCreated(rollout.id(), device, made, now);
                }
            }
            fleet.journal.claim(rollout.id(), DEAD_OWNER, owner -> false);

            RolloutProgress last = SimFleet.await(fleet.rollouts.resume(rollout.id().substring(0, 4)));

            assertEquals(RolloutState.COMPLETED, last.state(), String.valueOf(last.reason()));
            fleet.assertExactlyOncePerTarget(artefact.id(),
                    ordered.stream().map(Target::deviceId).collect(Collectors.toSet()));
            List<RolloutTarget> journalled = fleet.journal.targets(rollout.id());
            assertTrue(journalled.stream().allMatch(t -> t.status().isFinal() && t.deploymentId() != null));
            assertTrue(journalled.stream().filter(t -> t.attempts() > 1).count() == 5,
                    "the 5 creates that never reached the API were sent once more");
        }
    }

    @Test
    void aRolloutRunningInAnotherLiveProcessIsNotResumedHere() throws Exception {
        try (SimFleet fleet = new SimFleet(SimFleet.config(5).build(), dir)) {
            Artefact artefact = fleet.artefact("kiosk-v2", SimFleet.GOOD_URI);
            Rollout rollout = journalled(fleet, artefact, TargetSet.fromApi(fleet.client, "", 2, () -> false));
            String parent = Rollouts.owner(ProcessHandle.current().parent().orElseThrow());
            fleet.journal.claim(rollout.id(), parent, owner -> false);

            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> fleet.rollouts.resume(rollout.id()));
            assertTrue(refused.getMessage().contains("is running in another Fleetdesk process"), refused.getMessage());
            assertTrue(fleet.sim.organisation().deployments().isEmpty());
        }
    }

    @Test
    void finishedRolloutsCannotBeResumed() throws Exception {
        try (SimFleet fleet = new SimFleet(SimFleet.config(5).build(), dir)) {
            Artefact artefact = fleet.artefact("kiosk-bad", SimFleet.CORRUPT_URI);
            RolloutRun run = fleet.rollouts.start(artefact, TargetSet.fromApi(fleet.client, "", 2, () -> false),
                    RolloutPlan.defaults().withCanary(2));
            assertEquals(RolloutState.STOPPED, SimFleet.await(run).state());

            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> fleet.rollouts.resume(run.id()));
            assertEquals("Rollout " + run.id() + " is stopped and cannot be resumed: to go on, start a new rollout"
                    + " (e.g. of its failed or skipped devices).", refused.getMessage());
            RolloutRun retry = fleet.rollouts.retryFailed(run.id());
            assertEquals(2, retry.progress().counts().total());
            assertEquals("the 2 failed devices of rollout " + run.id(), retry.rollout().targetsDescription());
            SimFleet.await(retry);
        }
    }

    @Test
    void abortingAnInterruptedRolloutCancelsItsPendingAndReconciledDeployments() throws Exception {
        try (SimFleet fleet = new SimFleet(SimFleet.config(10).offlinePct(100).build(), dir)) {
            Artefact artefact = fleet.artefact("kiosk-v2", SimFleet.GOOD_URI);
            TargetSet targets = TargetSet.fromApi(fleet.client, "", 2, () -> false);
            Rollout rollout = journalled(fleet, artefact, targets);
            long now = System.currentTimeMillis();
            String uncertain = targets.targets().get(0).deviceId();
            fleet.journal.markSending(rollout.id(), uncertain, now);
            fleet.client.createDeployment(uncertain, artefact.id());
            String known = targets.targets().get(1).deviceId();
            fleet.journal.markSending(rollout.id(), known, now);
            fleet.journal.markCreated(rollout.id(), known, fleet.client.createDeployment(known, artefact.id()), now);
            fleet.journal.claim(rollout.id(), DEAD_OWNER, owner -> false);

            RolloutProgress last = SimFleet.await(fleet.rollouts.abort(rollout.id()).orElseThrow());

            assertEquals(RolloutState.ABORTED, last.state());
            assertEquals(2, last.counts().get(TargetStatus.CANCELLED));
            assertEquals(8, last.counts().get(TargetStatus.SKIPPED));
            assertTrue(fleet.sim.organisation().deployments().stream()
                    .allMatch(d -> d.state() == org.fleetdesk.api.DeploymentState.CANCELLED));
        }
    }

    private static Rollout journalled(SimFleet fleet, Artefact artefact, TargetSet targets) {
        // The simulator fails a random few per cent of deployments ("Download failed"): these tests are about
        // reconciliation, so no failure threshold may stop them.
        RolloutPlan plan = RolloutPlan.defaults().withCanary(3).withWaveSize(50).withMaxFailurePct(100);
        Rollout rollout = new Rollout("t" + Long.toString(System.nanoTime(), 36), "test", artefact.id(), artefact.name(),
                "", targets.description(), plan, RolloutState.RUNNING, null, Instant.now(), Instant.now(), null,
                StatusCounts.NONE);
        fleet.journal.create(rollout, targets.targets(), plan.waves(targets.size()));
        return rollout;
    }
}
