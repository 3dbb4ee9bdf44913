package org.fleetdesk.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A running rollout at one moment: its state (and why), targets counted by status overall and per wave, the wave being
 * deployed, an estimate of the time left while it runs, how many status requests the monitor has sent, and whether
 * the run is over ({@code ended}; a halted rollout ends its run but can be resumed later).
 */
public record RolloutProgress(String rolloutId, RolloutState state, String reason, StatusCounts counts,
                              List<WaveProgress> waves, int currentWave, Duration eta, long statusRequests,
                              boolean ended, Instant at) {
    public RolloutProgress {
        waves = List.copyOf(waves);
    }

    public Optional<Duration> remaining() {
        return Optional.ofNullable(eta);
    }
}
