package org.fleetdesk.cli;

import java.io.PrintWriter;
import java.util.List;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.query.QueryValidator;
import org.fleetdesk.query.QueryWarning;
import org.fleetdesk.rollout.RolloutJournal;
import org.fleetdesk.rollout.RolloutPlan;
import org.fleetdesk.rollout.Rollouts;
import org.fleetdesk.rollout.SupersedeCheck;
import org.fleetdesk.rollout.TargetSet;
import org.fleetdesk.store.ApiActivityRecorder;
import org.fleetdesk.store.FleetStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "deploy", description = {"Roll an artefact out to the devices matching a query, in the foreground: an"
        + " optional canary, then waves, each started once the previous one finished.",
        "If more of the finished deployments fail than the threshold allows, the rollout stops: it creates no more and"
                + " cancels its pending ones. It is journalled beside the local cache (journal.sqlite, which survives a"
                + " rebuilt cache), so an interrupted rollout can be"
                + " continued with fleetdesk rollouts resume, without any device getting a second deployment."},
        footer = {"%nExamples:",
                "  fleetdesk deploy --artefact kiosk-v2.1 --query tag:kiosk \\",
                "      --canary 5 --wave-size 25 --max-failure-pct 10",
                "  fleetdesk deploy --artefact kiosk-v2.1 --query \"\" \\",
                "      --waves 10,25,50,100 --yes"})
final class DeployCommand extends ApiCommand {
    /** Above this many targets, checking each for a pending deployment before asking takes too long for a prompt. */
    static final int SUPERSEDE_CHECK_LIMIT = 200;

    @Option(names = "--artefact", required = true, paramLabel = "NAME|ID", description = "The artefact to deploy.")
    String artefact;

    @Option(names = "--query", required = true, paramLabel = "Q", description = "The devices to deploy to, in the"
            + " dashboard's search syntax (e.g. \"tag:kiosk model:5\"); \"\" means every device. Evaluated once, when"
            + " the rollout starts.")
    String query;

    @Mixin
    PlanOptions planOptions;

    @Mixin
    ConfirmOptions confirm;

    @Override
    protected RequestLimiter createLimiter() {
        return RolloutCommands.limiter();
    }

    @Override
    protected int run(ConnectClient client) {
        RolloutPlan plan = planOptions.plan();
        List<QueryWarning> warnings = QueryValidator.validate(query);
        for (QueryWarning warning : warnings) {
            err().println("Note: " + warning);
        }
        if (!warnings.isEmpty() && confirm.yes) {
            throw new InvalidInputException("The query looks wrong (see the notes above), so --yes does not start a"
                    + " rollout with it: correct the query and check it with fleetdesk devices list --query, or run"
                    + " without --yes to see the devices and confirm them. Nothing was deployed.");
        }
        Artefact chosen = RolloutCommands.artefact(client, artefact);
        TargetSet targets = TargetSet.fromApi(client, query, 4, () -> false);
        if (targets.isEmpty()) {
            throw new InvalidInputException("No device matches the query \"" + query + "\", so there is nothing to"
                    + " deploy to. Check it with: fleetdesk devices list --query \"" + query + "\"");
        }
        describe(chosen, targets, plan, err());
        if (!confirm.yes) {
            warnAboutSuperseding(client, targets, plan, err());
            confirm.require("Start the rollout?", environment(), err());
        }
        try (FleetStore store = CacheLocation.open(settings(), environment(), err())) {
            Rollouts rollouts = new Rollouts(client, new RolloutJournal(store, ApiActivityRecorder.CLI), limiter());
            return new RolloutFollower(out(), err(), System.console() != null)
                    .follow(rollouts.start(chosen, targets, plan), rollouts);
        }
    }

    private static void describe(Artefact artefact, TargetSet targets, RolloutPlan plan, PrintWriter err) {
        long old = targets.oldClients();
        err.println("Deploy " + artefact.name() + " (" + artefact.id() + ") to " + targets.size() + " device"
                + (targets.size() == 1 ? "" : "s") + ": " + targets.description() + "."
                + (old == 0 ? "" : " " + old + " of them run a Connect client older than 2.9.0."));
        err.println("Plan: " + plan.summary() + ".");
        err.println(plan.details());
        err.flush();
    }

    private static void warnAboutSuperseding(ConnectClient client, TargetSet targets, RolloutPlan plan,
                                             PrintWriter err) {
        if (targets.size() > SUPERSEDE_CHECK_LIMIT) {
            err.println("(Not checked for pending deployments that this rollout would replace: " + targets.size()
                    + " devices would take too long to ask; the desktop app's review step checks them.)");
            return;
        }
        List<SupersedeCheck.Superseded> superseded = SupersedeCheck.find(client, targets.targets(),
                plan.concurrency(), done -> { }, () -> false);
        if (!superseded.isEmpty()) {
            err.println(superseded.size() + " of these devices have a pending deployment, which this rollout will"
                    + " replace (the API marks it failed, superseded):");
            Table table = Table.withColumns("DEVICE", "NAME", "PENDING DEPLOYMENT", "ARTEFACT");
            superseded.forEach(s -> table.row(s.target().deviceId(), s.target().deviceName(), s.pending().id(),
                    s.pending().artefactId()));
            table.print(err);
        }
        err.flush();
    }
}
