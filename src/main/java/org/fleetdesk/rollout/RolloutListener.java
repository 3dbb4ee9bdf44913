package org.fleetdesk.rollout;

/**
 * Hears a running rollout: called on the rollout's own thread, one call at a time, at most a few times a second and
 * once more when it ends. Keep it quick (hand the progress over to the UI thread, print a line).
 */
@FunctionalInterface
public interface RolloutListener {
    void onProgress(RolloutProgress progress);
}
