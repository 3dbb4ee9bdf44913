package org.fleetdesk.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.rollout.Rollout;
import org.fleetdesk.rollout.RolloutJournal;
import org.fleetdesk.rollout.RolloutProgress;
import org.fleetdesk.rollout.RolloutRun;
import org.fleetdesk.rollout.RolloutTarget;
import org.fleetdesk.rollout.Rollouts;
import org.fleetdesk.store.ApiActivityRecorder;
import org.fleetdesk.store.FleetStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "rollouts", description = "List, inspect, resume and abort the rollouts started from this machine"
        + " (they are journalled beside the organisation's local cache, in journal.sqlite).",
        subcommands = {RolloutsCommand.ListRollouts.class, RolloutsCommand.Show.class, RolloutsCommand.Resume.class,
                RolloutsCommand.Abort.class},
        footer = {"%nExample:", "  fleetdesk rollouts list --format json | jq '.[] | {id, state, counts}'"})
final class RolloutsCommand {
    @Command(name = "list", description = "List rollouts, newest first, with their targets counted by status.",
            footer = {"%nExample:", "  fleetdesk rollouts list"})
    static final class ListRollouts extends ApiCommand {
        @Mixin
        OutputOptions output;

        @Override
        protected int run(ConnectClient client) {
            try (FleetStore store = CacheLocation.open(settings(), environment(), err())) {
                output.printer(out()).list(new RolloutJournal(store).rollouts(), RolloutViews::list, "rollouts");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show a rollout: plan, state, waves, and every device that did not succeed"
            + " with the reason.", footer = {"%nExample:", "  fleetdesk rollouts show k2x9q7mp --format json"})
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "Rollout ID (or its first characters).")
        String id;

        @Mixin
        OutputOptions output;

        @Override
        protected int run(ConnectClient client) {
            try (FleetStore store = CacheLocation.open(settings(), environment(), err())) {
                RolloutJournal journal = new RolloutJournal(store);
                Rollout rollout = journal.find(id);
                List<RolloutTarget> targets = journal.targets(rollout.id());
                Printer printer = output.printer(out());
                if (printer.isJson()) {
                    printer.one(RolloutViews.json(rollout, targets), node -> Table.details());
                } else {
                    RolloutViews.details(rollout, targets).print(out());
                    out().println();
                    RolloutViews.waves(rollout, targets).print(out());
                    Table unsuccessful = RolloutViews.unsuccessful(targets);
                    if (!unsuccessful.isEmpty()) {
                        out().println();
                        unsuccessful.print(out());
                    }
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "resume", description = {"Continue a rollout that was interrupted, paused or halted, in the"
            + " foreground.", "Creates whose answer was lost are first checked against the device's deployments, so"
            + " no device gets a second one."},
            footer = {"%nExample:", "  fleetdesk rollouts resume k2x9q7mp --yes"})
    static final class Resume extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "Rollout ID (or its first characters).")
        String id;

        @Mixin
        ConfirmOptions confirm;

        @Override
        protected RequestLimiter createLimiter() {
            return RolloutCommands.limiter();
        }

        @Override
        protected int run(ConnectClient client) {
            try (FleetStore store = CacheLocation.open(settings(), environment(), err())) {
                Rollouts rollouts = new Rollouts(client, new RolloutJournal(store, ApiActivityRecorder.CLI), limiter());
                Rollout rollout = rollouts.journal().find(id);
                err().println("Rollout " + rollout.id() + " (" + rollout.name() + ") is " + rollout.state().apiName()
                        + (rollout.reason() == null ? "" : ": " + rollout.reason()) + ".");
                err().println(rollout.counts().done() + " of " + rollout.counts().total() + " devices are done: "
                        + rollout.counts() + ".");
                err().flush();
                confirm.require("Resume it?", environment(), err());
                return new RolloutFollower(out(), err(), System.console() != null)
                        .follow(rollouts.resume(rollout.id()), rollouts);
            }
        }
    }

    @Command(name = "abort", description = "Abort a rollout: create no more deployments and cancel its pending ones.",
            footer = {"%nExample:", "  fleetdesk rollouts abort k2x9q7mp"})
    static final class Abort extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "Rollout ID (or its first characters).")
        String id;

        @Override
        protected RequestLimiter createLimiter() {
            return RolloutCommands.limiter();
        }

        @Override
        protected int run(ConnectClient client) {
            try (FleetStore store = CacheLocation.open(settings(), environment(), err())) {
                Rollouts rollouts = new Rollouts(client, new RolloutJournal(store, ApiActivityRecorder.CLI), limiter());
                Optional<RolloutRun> run = rollouts.abort(id);
                if (run.isEmpty()) {
                    out().println("Rollout " + rollouts.journal().find(id).id() + " runs in another Fleetdesk process:"
                            + " it was asked to abort, and cancels its pending deployments within a few seconds.");
                    return ExitCodes.OK;
                }
                RolloutProgress last = run.get().completion().get();
                out().println("Rollout " + last.rolloutId() + " aborted: " + last.counts() + ".");
                return ExitCodes.OK;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.UNEXPECTED;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
