package org.fleetdesk.rollout;

import java.time.Instant;

/** The targets counted by status at one moment of a rollout: a point of the monitor's chart. */
public record RolloutSample(Instant at, StatusCounts counts) {
}
