package org.fleetdesk.cli;

import java.util.List;
import org.fleetdesk.rollout.RolloutPlan;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The rollout plan options of {@code fleetdesk deploy}. */
final class PlanOptions {
    @Option(names = "--canary", paramLabel = "N", description = "First deploy to N devices only, and go on only if"
            + " they pass the threshold (default: no canary).")
    int canary;

    @ArgGroup(exclusive = true)
    Waves waves;

    @Option(names = "--max-failure-pct", paramLabel = "P", description = "Stop if more than P%% of the finished"
            + " deployments failed, cancelling the pending ones (default: 10).")
    double maxFailurePct = RolloutPlan.DEFAULT_MAX_FAILURE_PCT;

    @Option(names = "--min-finished", paramLabel = "N", description = "Check the threshold once N deployments have"
            + " finished (default: the canary size, or " + RolloutPlan.DEFAULT_MIN_FINISHED + ").")
    Integer minFinished;

    @Option(names = "--concurrency", paramLabel = "C", description = "Deployments created (and watched) at a time"
            + " (default: ${DEFAULT-VALUE}).")
    int concurrency = RolloutPlan.DEFAULT_CONCURRENCY;

    @Option(names = "--timeout-minutes", paramLabel = "M", description = "A deployment not finished after M minutes"
            + " counts as failed (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes = RolloutPlan.DEFAULT_TIMEOUT_MINUTES;

    static final class Waves {
        @Option(names = "--wave-size", paramLabel = "PCT", description = "After the canary, waves of PCT%% of the"
                + " targets each.")
        Integer size;

        @Option(names = "--waves", paramLabel = "P1,P2,…", split = ",", hideParamSyntax = true, description = "After the canary, waves up to"
                + " these shares of the targets, rising to 100 (e.g. 10,25,50,100).")
        List<Integer> percentages;
    }

    RolloutPlan plan() {
        return new RolloutPlan(canary, waves == null ? null : waves.size,
                waves == null || waves.percentages == null ? List.of() : waves.percentages, maxFailurePct, minFinished,
                concurrency, timeoutMinutes);
    }
}
