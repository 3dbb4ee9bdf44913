package org.fleetdesk.rollout;

import java.time.Instant;

/**
 * One target of a rollout as the journal holds it. {@code createdAt} is the deployment's creation time on the API's
 * clock; the other instants are this machine's. {@code reason} is the deployment's {@code state_reason}, or why it
 * timed out or was refused.
 */
public record RolloutTarget(String deviceId, String deviceName, int wave, int position, TargetStatus status,
                            String reason, String deploymentId, int attempts, Instant intentAt, Instant createdAt,
                            Instant createdLocal, Instant finishedAt, Instant updatedAt) {
}
