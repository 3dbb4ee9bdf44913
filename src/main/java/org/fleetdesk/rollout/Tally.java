package org.fleetdesk.rollout;

import java.util.ArrayList;
import java.util.List;

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

    List<WaveProgress> perWave(List<Wave> waves) {
        List<WaveProgress> perWave = new ArrayList<>();
        for (Wave wave : waves) {
            perWave.add(new WaveProgress(wave, new StatusCounts(counts[wave.index()])));
        }
        return perWave;
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
