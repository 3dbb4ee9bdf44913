package org.fleetdesk.ui.devices;

import java.time.Instant;
import org.fleetdesk.api.DeploymentState;

/** One line of a device's deployment history, with the artefact's name resolved from the cache. */
public record DeploymentRow(String artefact, DeploymentState state, String reason, Instant createdAt,
                            Instant updatedAt) {
}
