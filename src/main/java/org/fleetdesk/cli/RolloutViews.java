package org.fleetdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fleetdesk.api.Json;
import org.fleetdesk.rollout.Rollout;
import org.fleetdesk.rollout.RolloutTarget;
import org.fleetdesk.rollout.StatusCounts;
import org.fleetdesk.rollout.TargetStatus;
import org.fleetdesk.rollout.Wave;

/** How rollouts print: a list, the details of one with its waves and unsuccessful devices, and the same as JSON. */
final class RolloutViews {
    private RolloutViews() {
    }

    static Table list(List<Rollout> rollouts) {
        Table table = Table.withColumns("ID", "ARTEFACT", "STATE", "TARGETS", "SUCCEEDED", "FAILED", "UNFINISHED",
                "CREATED");
        for (Rollout r : rollouts) {
            StatusCounts c = r.counts();
            table.row(r.id(), r.artefactName(), r.state().apiName(), c.total(), c.succeeded(), c.failures(),
                    c.total() - c.done(), r.createdAt());
        }
        return table;
    }

    static Table details(Rollout r, List<RolloutTarget> targets) {
        Table table = Table.details()
                .row("ID:", r.id())
                .row("Artefact:", r.artefactName() + " (" + r.artefactId() + ")")
                .row("Targets:", r.targetsDescription() + " — " + r.counts().total() + " devices")
                .row("Plan:", r.plan().summary() + ".\n" + r.plan().details())
                .row("State:", r.state().apiName() + (r.reason() == null ? "" : " — " + r.reason()))
                .row("Devices:", r.counts())
                .row("Created:", r.createdAt())
                .row("Updated:", r.updatedAt());
        if (r.finishedAt() != null) {
            table.row("Finished:", r.finishedAt());
        }
        return table;
    }

    static Table waves(Rollout r, List<RolloutTarget> targets) {
        Table table = Table.withColumns("WAVE", "DEVICES", "SUCCEEDED", "FAILED", "UNFINISHED", "CANCELLED", "SKIPPED");
        for (Wave wave : r.plan().waves(targets.size())) {
            StatusCounts c = countsOf(targets, wave);
            table.row(wave.label(), wave.size(), c.succeeded(), c.failures(), c.total() - c.done(),
                    c.get(TargetStatus.CANCELLED), c.get(TargetStatus.SKIPPED));
        }
        return table;
    }

    /** The devices that did not succeed (yet), with the reason of each. */
    static Table unsuccessful(List<RolloutTarget> targets) {
        Table table = Table.withColumns("DEVICE", "NAME", "STATUS", "REASON", "DEPLOYMENT");
        targets.stream().filter(t -> t.status() != TargetStatus.SUCCEEDED).forEach(t -> table.row(t.deviceId(),
                t.deviceName(), t.status().apiName(), t.reason(), t.deploymentId()));
        return table;
    }

    static ObjectNode json(Rollout r, List<RolloutTarget> targets) {
        ObjectNode node = Json.mapper().valueToTree(r);
        node.put("plan_summary", r.plan().summary());
        ArrayNode waves = node.putArray("waves");
        for (Wave wave : r.plan().waves(targets.size())) {
            ObjectNode w = waves.addObject();
            w.put("label", wave.label());
            w.put("devices", wave.size());
            w.set("counts", Json.mapper().valueToTree(countsOf(targets, wave)));
        }
        node.set("targets", Json.mapper().valueToTree(targets));
        return node;
    }

    private static StatusCounts countsOf(List<RolloutTarget> targets, Wave wave) {
        Map<TargetStatus, Integer> counts = new EnumMap<>(TargetStatus.class);
        targets.stream().filter(t -> t.wave() == wave.index()).forEach(t -> counts.merge(t.status(), 1, Integer::sum));
        return StatusCounts.of(counts);
    }
}
