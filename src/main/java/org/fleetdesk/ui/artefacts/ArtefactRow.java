package org.fleetdesk.ui.artefacts;

import java.util.List;
import org.fleetdesk.api.Artefact;

/** An artefact as the list shows it, with the rollouts (from this machine's journal) that deployed it. */
public record ArtefactRow(Artefact artefact, List<String> rollouts) {
    public ArtefactRow {
        rollouts = List.copyOf(rollouts);
    }

    /** {@code d39fc02a…9c5cc6}: enough to recognise a checksum at a glance; copy it for the whole. */
    public String shortChecksum() {
        String checksum = artefact.checksum();
        return checksum == null || checksum.length() <= 16 ? String.valueOf(checksum)
                : checksum.substring(0, 8) + "…" + checksum.substring(checksum.length() - 6);
    }

    public String usedBy() {
        if (rollouts.isEmpty()) {
            return "—";
        }
        return rollouts.size() == 1 ? "rollout " + rollouts.get(0) : rollouts.size() + " rollouts: "
                + String.join(", ", rollouts);
    }
}
