package org.fleetdesk.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import org.fleetdesk.rollout.RolloutProgress;
import org.fleetdesk.rollout.RolloutRun;
import org.fleetdesk.rollout.RolloutState;
import org.fleetdesk.rollout.RolloutTarget;
import org.fleetdesk.rollout.Rollouts;
import org.fleetdesk.rollout.TargetStatus;
import org.fleetdesk.rollout.WaveProgress;

/**
 * Follows a rollout in the foreground: a progress line on stderr (rewritten in place on a terminal, a new line each
 * few seconds otherwise), then the outcome on stdout and the exit code: 0 completed, 7 stopped or aborted, and for a
 * halt the code of the API's refusal, with how to resume.
 */
final class RolloutFollower {
    private static final long LINE_INTERVAL_NANOS = 2_000_000_000L;
    private static final int FAILURES_LISTED = 10;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private String lastLine = "";
    private long lastPrinted;
    private RolloutState lastState;

    RolloutFollower(PrintWriter out, PrintWriter err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    int follow(RolloutRun run, Rollouts rollouts) {
        err.println("Rollout " + run.id() + " is running. If this stops, continue with: fleetdesk rollouts resume "
                + run.id());
        err.flush();
        run.addListener(this::show);
        RolloutProgress last;
        try {
            last = run.completion().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.UNEXPECTED;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (terminal) {
            err.println();
        }
        err.flush();
        return report(run, rollouts, last);
    }

    private synchronized void show(RolloutProgress progress) {
        String line = line(progress);
        long now = System.nanoTime();
        boolean stateChanged = progress.state() != lastState;
        lastState = progress.state();
        if (line.equals(lastLine) || (!terminal && !stateChanged && !progress.ended()
                && now - lastPrinted < LINE_INTERVAL_NANOS)) {
            return;
        }
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastLine.length() - line.length())));
        } else {
            err.println(line);
        }
        err.flush();
        lastLine = line;
        lastPrinted = now;
    }

    static String line(RolloutProgress progress) {
        StringBuilder line = new StringBuilder();
        List<WaveProgress> waves = progress.waves();
        if (!waves.isEmpty() && progress.currentWave() < waves.size()) {
            line.append(waves.get(progress.currentWave()).wave().label()).append(" (").append(progress.currentWave() + 1)
                    .append(" of ").append(waves.size()).append(")");
        }
        if (progress.state() != RolloutState.RUNNING) {
            line.append(" [").append(progress.state().apiName()).append("]");
        }
        line.append(": ").append(progress.counts().done()).append('/').append(progress.counts().total())
                .append(" done — ").append(progress.counts());
        progress.remaining().ifPresent(eta -> line.append(" · about ").append(duration(eta)).append(" left"));
        return line.toString();
    }

    private int report(RolloutRun run, Rollouts rollouts, RolloutProgress last) {
        out.println("Rollout " + run.id() + " " + last.state().apiName() + ": " + last.counts() + ".");
        if (last.reason() != null && last.state() != RolloutState.HALTED) {
            out.println(last.reason());
        }
        List<RolloutTarget> failed = rollouts.journal().targets(run.id()).stream()
                .filter(t -> t.status().isFailure()).toList();
        if (!failed.isEmpty()) {
            out.println("Failed devices:");
            Table table = Table.withColumns("DEVICE", "NAME", "STATUS", "REASON");
            failed.stream().limit(FAILURES_LISTED).forEach(t -> table.row(t.deviceId(), t.deviceName(),
                    t.status().apiName(), t.reason()));
            table.print(out);
            if (failed.size() > FAILURES_LISTED) {
                out.println("… and " + (failed.size() - FAILURES_LISTED) + " more: fleetdesk rollouts show " + run.id());
            }
        }
        out.flush();
        return switch (last.state()) {
            case COMPLETED -> ExitCodes.OK;
            case STOPPED, ABORTED -> {
                if (last.counts().get(TargetStatus.CANCELLED) > 0 || last.counts().get(TargetStatus.SKIPPED) > 0) {
                    err.println("Pending deployments of this rollout were cancelled and no more were created.");
                }
                err.flush();
                yield ExitCodes.ROLLOUT_STOPPED;
            }
            default -> {
                RuntimeException cause = run.haltCause().orElse(null);
                if (cause != null) {
                    ErrorReporter.report(cause, err);
                } else {
                    err.println("Error: the rollout halted: " + last.reason());
                }
                err.println("Nothing more was sent. Once that is fixed, continue with: fleetdesk rollouts resume "
                        + run.id());
                err.flush();
                yield cause != null ? ErrorReporter.exitCode(cause) : ExitCodes.UNEXPECTED;
            }
        };
    }

    static String duration(Duration duration) {
        long seconds = Math.max(1, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
