package org.fleetdesk.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.DeploymentState;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.ForbiddenException;
import org.fleetdesk.query.QueryMatcher;
import org.fleetdesk.query.QueryParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutRunTest {
    @TempDir
    Path dir;

    @Test
    void aGoodArtefactReachesEveryTargetOnceAndNothingOutsideTheQuery() throws Exception {
        try (SimFleet fleet = new SimFleet(SimFleet.config(120).build(), dir)) {
            Artefact artefact = fleet.artefact("kiosk-v2", SimFleet.GOOD_URI);
            TargetSet targets = TargetSet.fromApi(fleet.client, "tag:production", 4, () -> false);
            Set<String> expected = fleet.sim.organisation().devices().stream()
                    .filter(QueryMatcher.of(QueryParser.parse("tag:production")))
                    .map(Device::id).collect(Collectors.toSet());
            assertTrue(expected.size() > 10 && expected.size() < 120, "the query selects part of the fleet");

            RolloutRun run = fleet.rollouts.start(artefact, targets,
                    RolloutPlan.defaults().withCanary(3).withWaveSize(25).withMaxFailurePct(50));
            RolloutProgress last = SimFleet.await(run);

            assertEquals(RolloutState.COMPLETED, last.state(), String.valueOf(last.reason()));
            assertEquals(expected.size(), last.counts().total());
            assertEquals(expected.size(), last.counts().succeeded() + last.counts().get(TargetStatus.FAILED),
                    last.counts().toString());
            fleet.assertExactlyOncePerTarget(artefact.id(), expected);
            for (RolloutTarget target : fleet.targets(run)) {
                Deployment deployment = fleet.sim.organisation().deploymentsOf(target.deviceId()).get(0);
                assertEquals(deployment.id(), target.deploymentId());
                assertEquals(deployment.state().apiName(), target.status().apiName());
            }
            Rollout journalled = fleet.journal.rollout(run.id()).orElseThrow();
            assertEquals(RolloutState.COMPLETED, journalled.state());
            assertEquals(last.counts(), journalled.counts());
            assertFalse(fleet.journal.samples(run.id()).isEmpty());
        }
    }

    @Test
    void aCorruptArtefactIsStoppedByTheCanary() throws Exception {
        try (SimFleet fleet = new SimFleet(SimFleet.config(80).build(), dir)) {
            Artefact artefact = fleet.artefact("kiosk-bad", SimFleet.CORRUPT_URI);
            RolloutRun run = fleet.rollouts.start(artefact, TargetSet.fromApi(fleet.client, "", 4, () -> false),
                    RolloutPlan.defaults().withCanary(5).withWaveSize(20));
            RolloutProgress last = SimFleet.await(run);

            assertEquals(RolloutState.STOPPED, last.state());
            assertTrue(last.reason().contains("5 of 5 finished deployments failed"), last.reason());
            Set<String> canary = fleet.targets(run).stream().filter(t -> t.wave() == 0).map(RolloutTarget::deviceId)
                    .collect(Collectors.toSet());
            assertEquals(5, canary.size());
            assertEquals(canary, fleet.deploymentsPerDevice(artefact.id()).keySet(),
                    "no device outside the canary got the artefact");
            assertEquals(75, last.counts().get(TargetStatus.SKIPPED));
            for (RolloutTarget target : fleet.targets(run)) {
                if (target.wave() == 0) {
                    assertEquals(TargetStatus.FAILED, target.status());
                    assertEquals("Checksum mismatch", target.reason());
                }
            }
        }
    }

    @Test
    void aStopCancelsThePendingDeploymentsOfTheRollout() throws Exception {
        try (SimFleet fleet = new SimFleet(SimFleet.config(40).offlinePct(30).build(), dir)) {
            Artefact artefact = fleet.artefact("kiosk-bad", SimFleet.CORRUPT_URI);
            RolloutRun run = fleet.rollouts.start(artefact, TargetSet.fromApi(fleet.client, "", 4, () -> false),
                    RolloutPlan.defaults().withMinFinished(3).withMaxFailurePct(0));
            RolloutProgress last = SimFleet.await(run);

            assertEquals(RolloutState.STOPPED, last.state());
            List<Deployment> ofRollout = fleet.sim.organisation().deployments().stream()
                    .filter(d -> d.artefactId().equals(artefact.id())).toList();
            assertTrue(ofRollout.stream().anyMatch(d -> d.state() == DeploymentState.CANCELLED),
                    "the offline devices' pending deployments were cancelled");
            assertTrue(ofRollout.stream().noneMatch(d -> d.state() == DeploymentState.PENDING));
            assertEquals(ofRollout.stream().filter(d -> d.state() == DeploymentState.CANCELLED).count(),
                    last.counts().get(TargetStatus.CANCELLED));
        }
    }

    @Test
    void anEndedTrialHaltsAtTheFirstCreateWithTheBillingMessage() throws Exception {
        try (SimFleet fleet = new SimFleet(SimFleet.config(30).trialEnded(true).build(), dir)) {
            Artefact artefact = fleet.artefact("kiosk-v2", SimFleet.GOOD_URI);
            RolloutRun run = fleet.rollouts.start(artefact, TargetSet.fromApi(fleet.client, "", 4, () -> false),
                    RolloutPlan.defaults().withCanary(5));
            RolloutProgress last = SimFleet.await(run);

            assertEquals(RolloutState.HALTED, last.state());
            assertEquals("Deployments are blocked until billing has been set up (HTTP 403)", last.reason());
            assertTrue(run.haltCause().orElseThrow() instanceof ForbiddenException);
            assertTrue(fleet.sim.organisation().deployments().isEmpty());
            assertEquals(30, last.counts().get(TargetStatus.WAITING), "nothing was sent: every target still waits");
            assertEquals(RolloutState.HALTED, fleet.journal.rollout(run.id()).orElseThrow().state());
        }
    }

    @Test
    void serverFailuresStillEndWithEveryTargetDeployedExactlyOnce() throws Exception {
        try (SimFleet fleet = new SimFleet(SimFleet.config(60).failRate(0.1).build(), dir)) {
            Artefact artefact = createWithRetries(fleet);
            TargetSet targets = TargetSet.fromApi(fleet.client, "", 4, () -> false);
            RolloutRun run = fleet.rollouts.start(artefact, targets,
                    RolloutPlan.defaults().withWaveSize(50).withMaxFailurePct(100));
            RolloutProgress last = SimFleet.await(run);

            assertEquals(RolloutState.COMPLETED, last.state(), String.valueOf(last.reason()));
            fleet.assertExactlyOncePerTarget(artefact.id(),
                    targets.targets().stream().map(Target::deviceId).collect(Collectors.toSet()));
        }
    }

    @Test
    void answersCutOffAfterTheCreateAreReconciledWithoutDuplicates() throws Exception {
        try (SimFleet fleet = new SimFleet(SimFleet.config(60).truncateRate(0.2).build(), dir)) {
            Artefact artefact = createWithRetries(fleet);
            TargetSet targets = TargetSet.fromApi(fleet.client, "", 4, () -> false);
            RolloutRun run = fleet.rollouts.start(artefact, targets, RolloutPlan.defaults().withMaxFailurePct(100));
            RolloutProgress last = SimFleet.await(run);

            assertEquals(RolloutState.COMPLETED, last.state(), String.valueOf(last.reason()));
            fleet.assertExactlyOncePerTarget(artefact.id(),
                    targets.targets().stream().map(Target::deviceId).collect(Collectors.toSet()));
            assertTrue(fleet.targets(run).stream().anyMatch(t -> t.createdLocal() == null && t.deploymentId() != null),
                    "some creates were only known through reconciliation");
        }
    }

    @Test
    void pauseCreatesNothingMoreUntilResumedAndAbortCancelsWhatIsPending() throws Exception {
        try (SimFleet fleet = new SimFleet(SimFleet.config(40).offlinePct(100).build(), dir)) {
            Artefact artefact = fleet.artefact("kiosk-v2", SimFleet.GOOD_URI);
            RolloutRun run = fleet.rollouts.start(artefact, TargetSet.fromApi(fleet.client, "", 4, () -> false),
                    RolloutPlan.defaults().withConcurrency(1));
            run.pause();
            int created = fleet.sim.organisation().deployments().size();
            assertTrue(created <= 2, "at most the create in flight when paused: " + created);
            assertEquals(RolloutState.PAUSED, fleet.journal.rollout(run.id()).orElseThrow().state());
            run.resume();
            run.abort();
            RolloutProgress last = SimFleet.await(run);

            assertEquals(RolloutState.ABORTED, last.state());
            assertTrue(fleet.sim.organisation().deployments().stream()
                    .allMatch(d -> d.state() == DeploymentState.CANCELLED));
            assertEquals(fleet.sim.organisation().deployments().size(), last.counts().get(TargetStatus.CANCELLED));
            assertEquals(40, last.counts().get(TargetStatus.CANCELLED) + last.counts().get(TargetStatus.SKIPPED));
        }
    }

    private static Artefact createWithRetries(SimFleet fleet) {
        for (int attempt = 0; ; attempt++) {
            try {
                return fleet.artefact("kiosk-v2", SimFleet.GOOD_URI);
            } catch (RuntimeException e) {
                List<Artefact> made = fleet.sim.organisation().artefacts();
                if (!made.isEmpty()) {
                    return made.get(0);
                }
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }
}
