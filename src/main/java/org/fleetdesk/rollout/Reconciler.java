package org.fleetdesk.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Deployment;

/**
 * Decides whether a create whose answer never arrived (a crash, a cut connection, a 5xx) was made, before anything
 * is sent again: it lists the device's deployments (most recent first) and takes the newest one of this artefact
 * created after the intent was journalled — less {@link #CLOCK_TOLERANCE}, for the gap between this machine's clock and
 * the API's — that no rollout in the journal already holds.
 */
final class Reconciler {
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final ConnectClient client;
    private final RolloutJournal journal;
    private final ServerClock serverClock;
    private final String artefactId;

    Reconciler(ConnectClient client, RolloutJournal journal, ServerClock serverClock, String artefactId) {
        this.client = client;
        this.journal = journal;
        this.serverClock = serverClock;
        this.artefactId = artefactId;
    }

    /** The deployment the uncertain create made, or empty when it was not made. Throws when the API cannot tell. */
    Optional<Deployment> made(String deviceId, long intentAt) {
        Instant since = serverClock.serverTime(intentAt).minus(CLOCK_TOLERANCE);
        for (Deployment deployment : client.listDeployments(deviceId, null, 1, ConnectClient.MAX_PER_PAGE).items()) {
            if (artefactId.equals(deployment.artefactId()) && deployment.createdAt() != null
                    && !deployment.createdAt().isBefore(since) && !journal.isKnownDeployment(deployment.id())) {
                return Optional.of(deployment);
            }
        }
        return Optional.empty();
    }
}
