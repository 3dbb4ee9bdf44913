package org.fleetdesk.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.ChangeObserver;
import org.fleetdesk.api.ConnectClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutWorkersTest {
    private static final int DEVICES = 4;
    private static final long SLOW_CANCEL_MILLIS = 3000;

    @TempDir
    Path dir;

    /**
     * While an abort cancels the pending deployments, one cancel's answer is slow to come back and the next one fails
     * unexpectedly, which makes the run give up waiting: its end must still come after the slow cancel was journalled.
     */
    @Test
    void aRunReportsItsEndOnlyOnceItsWorkersHaveFinishedTheRequestsInHand() throws Exception {
        try (SimFleet fleet = new SimFleet(SimFleet.config(DEVICES).offlinePct(100).build(), dir)) {
            AtomicInteger cancels = new AtomicInteger();
            AtomicReference<Thread> slowWorker = new AtomicReference<>();
            ChangeObserver observer = (method, path, body, status, answer, failure) -> {
                if (!path.endsWith("/cancel")) {
                    return;
                }
                int cancel = cancels.incrementAndGet();
                if (cancel == 1) {
                    slowWorker.set(Thread.currentThread());
                    sleep(SLOW_CANCEL_MILLIS);
                } else if (cancel == 2) {
                    throw new IllegalStateException("an unexpected failure while cancelling");
                }
            };
            try (ConnectClient client = ConnectClient.builder().baseUrl(fleet.sim.baseUrl()).token(fleet.sim.token())
                    .changeObserver(observer).build()) {
                Artefact artefact = fleet.artefact("kiosk-v2", SimFleet.GOOD_URI);
                RolloutRun run = new Rollouts(client, fleet.journal, null).start(artefact,
                        TargetSet.fromApi(client, "", 2, () -> false), RolloutPlan.defaults().withConcurrency(2));
                awaitPending(run);
                run.abort();

                RolloutProgress last = SimFleet.await(run);
                boolean slowWorkerAliveAtEnd = slowWorker.get().isAlive();
                List<RolloutTarget> journalledAtEnd = fleet.targets(run);
                slowWorker.get().join(2 * SLOW_CANCEL_MILLIS);

                assertEquals(RolloutState.ABORTED, last.state());
                assertTrue(run.haltCause().orElseThrow() instanceof IllegalStateException);
                assertFalse(slowWorkerAliveAtEnd, "the worker inside the slow cancel had stopped");
                assertEquals(journalledAtEnd, fleet.targets(run), "nothing was journalled after the end");
            }
        }
    }

    private static void awaitPending(RolloutRun run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (run.progress().counts().get(TargetStatus.PENDING) < DEVICES) {
            assertTrue(System.nanoTime() < deadline, "every deployment was created: " + run.progress().counts());
            Thread.sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
