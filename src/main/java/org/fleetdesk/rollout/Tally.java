package org.fleetdesk.rollout;

/** The targets of a run counted per wave and status. Not thread-safe: the run calls it holding its lock. */
final class Tally {
    private final int[][] counts;

    Tally(int waves) {
        counts = new int[Math.max(1, waves)][TargetStatus.values().length];
    }

    void add(int wave, TargetStatus status) {
        counts[wave][status.ordinal()]++;
    }

    void move(int wave, TargetStatus from, TargetStatus to) {
        counts[wave][from.ordinal()]--;
        counts[wave][to.ordinal()]++;
    }

    int count(TargetStatus status) {
        int total = 0;
        for (int[] wave : counts) {
            total += wave[status.ordinal()];
        }
        return total;
    }

    /** Every target of the wave is in a final status. */
    boolean isDone(Wave wave) {
        for (TargetStatus status : TargetStatus.values()) {
            if (!status.isFinal() && counts[wave.index()][status.ordinal()] > 0) {
                return false;
            }
        }
        return true;
    }

    StatusCounts of(Wave wave) {
        return new StatusCounts(counts[wave.index()]);
    }

    StatusCounts totals() {
        int[] sum = new int[TargetStatus.values().length];
        for (int[] wave : counts) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += wave[i];
            }
        }
        return new StatusCounts(sum);
    }
}
