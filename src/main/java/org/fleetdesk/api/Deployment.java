package org.fleetdesk.api;

import java.time.Instant;

/** One artefact deployed to one device. {@code stateReason} explains a failure and is null otherwise. */
public record Deployment(String id, DeploymentState state, String stateReason, String deviceId, String artefactId,
                         Instant createdAt, Instant updatedAt) {
}
