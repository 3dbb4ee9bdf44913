package org.fleetdesk.rollout;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.RequestLimiter;

/**
 * Starts, resumes and aborts the rollouts of one organisation; the one service the CLI and the window share. A
 * rollout runs in at most one process at a time: the journal records which, and a second process refuses to run it
 * while the first is alive. Targets are put in a random order fixed by the rollout's ID, so the canary and the early
 * waves are a sample of the whole target set rather than its first names alphabetically.
 */
public final class Rollouts {
    static final String OWNER = owner(ProcessHandle.current());
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int ID_LENGTH = 8;

    private final ConnectClient client;
    private final RolloutJournal journal;
    private final RequestLimiter limiter;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, RolloutRun> live = new ConcurrentHashMap<>();

    /** {@code limiter} is the one the client uses (null if unknown): a 429 then slows every request down together. */
    public Rollouts(ConnectClient client, RolloutJournal journal, RequestLimiter limiter) {
        this.client = client;
        this.journal = journal;
        this.limiter = limiter;
    }

    public RolloutJournal journal() {
        return journal;
    }

    /** Journals a new rollout of {@code artefact} to {@code targets} and starts it. */
    public RolloutRun start(Artefact artefact, TargetSet targets, RolloutPlan plan) {
        if (targets.isEmpty()) {
            throw new InvalidInputException("There is no device to deploy to: " + targets.description()
                    + " is empty. Check the query or the selection.");
        }
        String id = newId();
        List<Target> ordered = new ArrayList<>(targets.targets());
        Collections.shuffle(ordered, new Random(id.hashCode()));
        Instant now = Instant.now();
        Rollout rollout = new Rollout(id, artefact.name() + " → " + targets.description(), artefact.id(),
                artefact.name(), targets.query().orElse(null), targets.description(), plan, RolloutState.RUNNING, null,
                now, now, null, StatusCounts.NONE);
        journal.create(rollout, ordered, plan.waves(ordered.size()));
        journal.claim(id, OWNER, Rollouts::isAlive);
        return launch(rollout, RolloutState.RUNNING, true);
    }

    /**
     * Continues a rollout that was paused, halted, or interrupted (the process ended while it ran): uncertain creates
     * are reconciled with the API before anything is sent, so no device gets a second deployment.
     */
    public RolloutRun resume(String idOrPrefix) {
        Rollout rollout = journal.find(idOrPrefix);
        RolloutRun running = live.get(rollout.id());
        if (running != null) {
            running.resume();
            return running;
        }
        if (!rollout.state().isResumable()) {
            throw new InvalidInputException("Rollout " + rollout.id() + " is " + rollout.state().apiName()
                    + " and cannot be resumed" + (rollout.state() == RolloutState.STOPPED
                    ? ": to go on, start a new rollout (e.g. of its failed or skipped devices)." : "."));
        }
        claimOrRefuse(rollout);
        journal.setState(rollout.id(), RolloutState.RUNNING, null);
        return launch(journal.rollout(rollout.id()).orElseThrow(), RolloutState.RUNNING, true);
    }

    /**
     * Aborts a rollout: at once if it runs in this process; through the journal if another process runs it (that
     * process notices within a second); otherwise here, cancelling its pending deployments. Returns the run doing the
     * work in this process, if any (wait for its {@link RolloutRun#completion()}).
     */
    public Optional<RolloutRun> abort(String idOrPrefix) {
        Rollout rollout = journal.find(idOrPrefix);
        RolloutRun running = live.get(rollout.id());
        if (running != null) {
            running.abort();
            return Optional.of(running);
        }
        if (rollout.state().isFinal()) {
            throw new InvalidInputException("Rollout " + rollout.id() + " is already " + rollout.state().apiName()
                    + ": there is nothing to abort.");
        }
        if (journal.claim(rollout.id(), OWNER, Rollouts::isAlive).isPresent()) {
            journal.setState(rollout.id(), RolloutState.ABORTED, "Aborted from another Fleetdesk process.");
            return Optional.empty();
        }
        journal.setState(rollout.id(), RolloutState.ABORTED, "Aborted by the user.");
        return Optional.of(launch(journal.rollout(rollout.id()).orElseThrow(), RolloutState.ABORTED, false));
    }

    /** A new rollout of the same artefact and plan to the devices whose deployment failed, timed out or was refused. */
    public RolloutRun retryFailed(String idOrPrefix) {
        Rollout rollout = journal.find(idOrPrefix);
        List<Target> failed = journal.targets(rollout.id()).stream().filter(t -> t.status().isFailure())
                .map(t -> new Target(t.deviceId(), t.deviceName(), false)).toList();
        if (failed.isEmpty()) {
            throw new InvalidInputException("Rollout " + rollout.id() + " has no failed devices to retry.");
        }
        String description = "the " + failed.size() + " failed device" + (failed.size() == 1 ? "" : "s")
                + " of rollout " + rollout.id();
        return start(new Artefact(rollout.artefactId(), rollout.artefactName(), null, null),
                TargetSet.of(failed, description), rollout.plan());
    }

    /** The run of this rollout in this process, if it is running here. */
    public Optional<RolloutRun> live(String id) {
        return Optional.ofNullable(live.get(id));
    }

    public Collection<RolloutRun> liveRuns() {
        return List.copyOf(live.values());
    }

    private void claimOrRefuse(Rollout rollout) {
        Optional<String> other = journal.claim(rollout.id(), OWNER, Rollouts::isAlive);
        if (other.isPresent()) {
            throw new InvalidInputException("Rollout " + rollout.id() + " is running in another Fleetdesk process (pid "
                    + other.get().substring(0, other.get().indexOf('@')) + "): follow it there, or abort it with"
                    + " fleetdesk rollouts abort " + rollout.id() + ".");
        }
    }

    private RolloutRun launch(Rollout rollout, RolloutState initial, boolean waitForUnfinished) {
        RolloutRun run = new RolloutRun(rollout, journal.targets(rollout.id()), journal, client, limiter, initial,
                waitForUnfinished, () -> {
                    live.remove(rollout.id());
                    journal.release(rollout.id(), OWNER);
                });
        live.put(rollout.id(), run);
        run.start();
        return run;
    }

    private String newId() {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    static String owner(ProcessHandle process) {
        return process.pid() + "@" + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** Whether the process that wrote {@code owner} still runs (the same pid with the same start time). */
    static boolean isAlive(String owner) {
        int at = owner.indexOf('@');
        try {
            long pid = Long.parseLong(owner.substring(0, at));
            long started = Long.parseLong(owner.substring(at + 1));
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(p -> started == 0 || p.info().startInstant().map(i -> i.toEpochMilli() == started).orElse(true))
                    .orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
