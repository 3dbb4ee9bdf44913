package org.fleetdesk.rollout;

/** One step of a rollout: the targets at positions {@code from} (inclusive) to {@code to} (exclusive). */
public record Wave(int index, String label, int from, int to) {
    public int size() {
        return to - from;
    }
}
