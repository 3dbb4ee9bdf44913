package org.fleetdesk.rollout;

import java.time.Instant;

/**
 * A target of a running rollout, in memory. At most one job works on a target at a time (its create, then its polls
 * one after another), so the fields other than {@code status} need no lock; {@code status} changes only through
 * {@link RolloutLedger}, which keeps the counts.
 */
final class TargetState {
    final String deviceId;
    final String deviceName;
    final int wave;
    final int position;
    volatile TargetStatus status;
    volatile String reason;
    String deploymentId;
    Instant createdAt;
    long intentAt;

    TargetState(RolloutTarget row) {
        this.deviceId = row.deviceId();
        this.deviceName = row.deviceName();
        this.wave = row.wave();
        this.position = row.position();
        this.status = row.status();
        this.reason = row.reason();
        this.deploymentId = row.deploymentId();
        this.createdAt = row.createdAt();
        this.intentAt = row.intentAt() == null ? 0 : row.intentAt().toEpochMilli();
    }
}
