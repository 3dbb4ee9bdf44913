package org.fleetdesk.rollout;

import java.time.Instant;

/**
 * A rollout as the journal holds it: what is deployed to which devices with which plan, where it stands and why, and
 * its targets counted by status. {@code query} is null when the targets were an explicit selection ("" = the whole
 * organisation). {@code reason} says why it stopped, halted or was aborted (null otherwise).
 */
public record Rollout(String id, String name, String artefactId, String artefactName, String query,
                      String targetsDescription, RolloutPlan plan, RolloutState state, String reason, Instant createdAt,
                      Instant updatedAt, Instant finishedAt, StatusCounts counts) {
}
