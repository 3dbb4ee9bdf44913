package org.fleetdesk.rollout;

/** One wave and its targets counted by status. */
public record WaveProgress(Wave wave, StatusCounts counts) {
}
