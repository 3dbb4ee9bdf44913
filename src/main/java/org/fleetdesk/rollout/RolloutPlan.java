package org.fleetdesk.rollout;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fleetdesk.api.InvalidInputException;

/**
 * How a rollout proceeds: an optional canary of {@code canary} devices, then waves — each {@code waveSizePct}% of the
 * targets, or up to each of the cumulative {@code wavePercentages} (e.g. 10, 25, 50, 100) — or all the others at
 * once. A wave starts when the previous one has finished. Once {@link #minFinishedOrDefault()} deployments have
 * finished, more than {@code maxFailurePct}% of them failing stops the rollout. A deployment not finished after
 * {@code timeoutMinutes} counts as a failure. {@code concurrency} deployments are created (and polled) at a time.
 * Invalid values are refused with an {@link InvalidInputException} that says what is allowed.
 */
public record RolloutPlan(int canary, Integer waveSizePct, List<Integer> wavePercentages, double maxFailurePct,
                          Integer minFinished, int concurrency, int timeoutMinutes) {
    public static final double DEFAULT_MAX_FAILURE_PCT = 10;
    public static final int DEFAULT_MIN_FINISHED = 5;
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int MAX_CONCURRENCY = 64;
    public static final int DEFAULT_TIMEOUT_MINUTES = 30;
    public static final int MAX_TIMEOUT_MINUTES = 7 * 24 * 60;

    public RolloutPlan {
        wavePercentages = wavePercentages == null ? List.of() : List.copyOf(wavePercentages);
        if (canary < 0) {
            throw new InvalidInputException("The canary size must be 0 (no canary) or more devices, got " + canary + ".");
        }
        if (waveSizePct != null && !wavePercentages.isEmpty()) {
            throw new InvalidInputException("Give either a wave size or a list of wave percentages, not both.");
        }
        if (waveSizePct != null && (waveSizePct < 1 || waveSizePct > 100)) {
            throw new InvalidInputException("The wave size must be between 1 and 100 percent of the targets, got "
                    + waveSizePct + ".");
        }
        requireRisingToHundred(wavePercentages);
        if (!(maxFailurePct >= 0 && maxFailurePct <= 100)) {
            throw new InvalidInputException("The failure threshold must be between 0 and 100 percent, got "
                    + percent(maxFailurePct) + ".");
        }
        if (minFinished != null && minFinished < 1) {
            throw new InvalidInputException("The threshold needs at least 1 finished deployment to be checked, got "
                    + minFinished + ".");
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new InvalidInputException("Concurrency must be between 1 and " + MAX_CONCURRENCY
                    + " deployments at a time, got " + concurrency + ".");
        }
        if (timeoutMinutes < 1 || timeoutMinutes > MAX_TIMEOUT_MINUTES) {
            throw new InvalidInputException("The timeout must be between 1 minute and " + MAX_TIMEOUT_MINUTES
                    + " minutes (a week), got " + timeoutMinutes + ".");
        }
    }

    /** No canary, all devices at once, stop above 10% failures, 8 at a time, 30-minute timeout. */
    public static RolloutPlan defaults() {
        return new RolloutPlan(0, null, List.of(), DEFAULT_MAX_FAILURE_PCT, null, DEFAULT_CONCURRENCY,
                DEFAULT_TIMEOUT_MINUTES);
    }

    public RolloutPlan withCanary(int devices) {
        return new RolloutPlan(devices, waveSizePct, wavePercentages, maxFailurePct, minFinished, concurrency, timeoutMinutes);
    }

    public RolloutPlan withWaveSize(Integer pct) {
        return new RolloutPlan(canary, pct, List.of(), maxFailurePct, minFinished, concurrency, timeoutMinutes);
    }

    public RolloutPlan withWaves(List<Integer> pcts) {
        return new RolloutPlan(canary, null, pcts, maxFailurePct, minFinished, concurrency, timeoutMinutes);
    }

    public RolloutPlan withMaxFailurePct(double pct) {
        return new RolloutPlan(canary, waveSizePct, wavePercentages, pct, minFinished, concurrency, timeoutMinutes);
    }

    public RolloutPlan withMinFinished(Integer count) {
        return new RolloutPlan(canary, waveSizePct, wavePercentages, maxFailurePct, count, concurrency, timeoutMinutes);
    }

    public RolloutPlan withConcurrency(int count) {
        return new RolloutPlan(canary, waveSizePct, wavePercentages, maxFailurePct, minFinished, count, timeoutMinutes);
    }

    public RolloutPlan withTimeoutMinutes(int minutes) {
        return new RolloutPlan(canary, waveSizePct, wavePercentages, maxFailurePct, minFinished, concurrency, minutes);
    }

    /** The given minimum, else the canary size, else {@value #DEFAULT_MIN_FINISHED}. */
    @JsonIgnore
    public int minFinishedOrDefault() {
        return minFinished != null ? minFinished : canary > 0 ? canary : DEFAULT_MIN_FINISHED;
    }

    @JsonIgnore
    public Duration timeout() {
        return Duration.ofMinutes(timeoutMinutes);
    }

    /** In plain words: "5 canary devices, then 25% waves; stop if more than 10% fail". */
    @JsonIgnore
    public String summary() {
        String canaryPart = canary > 0 ? canary + " canary device" + (canary == 1 ? "" : "s") + ", then " : "";
        String wavesPart;
        if (waveSizePct != null) {
            wavesPart = waveSizePct + "% waves";
        } else if (!wavePercentages.isEmpty()) {
            wavesPart = "waves up to " + list(wavePercentages.stream().map(p -> p + "%").toList());
        } else {
            wavesPart = canary > 0 ? "all the others at once" : "all devices at once";
        }
        return canaryPart + wavesPart + "; stop if more than " + percent(maxFailurePct) + " fail";
    }

    /** What the summary leaves out: when the threshold applies, concurrency, timeout. */
    @JsonIgnore
    public String details() {
        int min = minFinishedOrDefault();
        return "The threshold is checked once " + min + " deployment" + (min == 1 ? " has" : "s have") + " finished. "
                + concurrency + " deployment" + (concurrency == 1 ? " is" : "s are") + " created at a time. A deployment"
                + " not finished after " + minutes(timeoutMinutes) + " counts as failed.";
    }

    /** The canary (if any) and the waves for {@code targets} devices; empty waves are left out. */
    public List<Wave> waves(int targets) {
        List<Wave> waves = new ArrayList<>();
        int start = Math.min(canary, targets);
        if (start > 0) {
            waves.add(new Wave(0, "Canary", 0, start));
        }
        List<Integer> ends = new ArrayList<>();
        if (waveSizePct != null) {
            int size = Math.max(1, (int) Math.ceil(targets * waveSizePct / 100.0));
            for (int end = start + size; end < targets; end += size) {
                ends.add(end);
            }
        } else {
            for (int pct : wavePercentages) {
                ends.add((int) Math.ceil(targets * pct / 100.0));
            }
        }
        ends.add(targets);
        int number = 1;
        for (int end : ends) {
            if (end > start) {
                waves.add(new Wave(waves.size(), "Wave " + number++, start, end));
                start = end;
            }
        }
        return waves;
    }

    /** Why the rollout must stop, or empty: more than the allowed share of the finished deployments failed. */
    public Optional<String> thresholdBreach(StatusCounts counts, int targets) {
        int finished = counts.finished();
        if (finished == 0 || finished < Math.min(minFinishedOrDefault(), targets)) {
            return Optional.empty();
        }
        int failures = counts.failures();
        if (failures * 100.0 <= maxFailurePct * finished) {
            return Optional.empty();
        }
        return Optional.of(failures + " of " + finished + " finished deployments failed ("
                + percent(failures * 100.0 / finished) + "), more than the " + percent(maxFailurePct) + " allowed");
    }

    static String percent(double value) {
        return value == Math.rint(value) ? (long) value + "%" : String.format(Locale.ROOT, "%.1f%%", value);
    }

    private static String minutes(int minutes) {
        return minutes % 60 == 0 ? minutes / 60 + " hour" + (minutes == 60 ? "" : "s")
                : minutes + " minute" + (minutes == 1 ? "" : "s");
    }

    private static String list(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static void requireRisingToHundred(List<Integer> pcts) {
        if (pcts.isEmpty()) {
            return;
        }
        String example = " Wave percentages are shares of all targets deployed once each wave is done, rising to"
                + " 100, e.g. 10,25,50,100.";
        int previous = 0;
        for (Integer pct : pcts) {
            if (pct == null || pct <= previous || pct > 100) {
                throw new InvalidInputException("Wave percentage " + pct + " does not rise from " + previous + "."
                        + example);
            }
            previous = pct;
        }
        if (previous != 100) {
            throw new InvalidInputException("The last wave percentage is " + previous + ", so the rollout would never"
                    + " reach every target." + example);
        }
    }
}
