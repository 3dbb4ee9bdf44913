package org.fleetdesk.cli;

import java.util.List;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.rollout.RolloutPlan;

/** What the rollout commands share: their limiter and finding an artefact by name or ID. */
final class RolloutCommands {
    private RolloutCommands() {
    }

    /** The organisation's usual request rate; room for the senders and watchers of the largest allowed plan. */
    static RequestLimiter limiter() {
        return RequestLimiter.create(RequestLimiter.defaults().requestsPerSecond(), 2 * RolloutPlan.MAX_CONCURRENCY);
    }

    static Artefact artefact(ConnectClient client, String nameOrId) {
        String wanted = nameOrId == null ? "" : nameOrId.strip();
        if (wanted.isEmpty()) {
            throw new InvalidInputException("Give the artefact's name or ID: fleetdesk artefacts list shows them.");
        }
        List<Artefact> artefacts = client.listAllArtefacts(null);
        return artefacts.stream().filter(a -> wanted.equals(a.id())).findFirst()
                .or(() -> artefacts.stream().filter(a -> wanted.equals(a.name())).findFirst())
                .orElseThrow(() -> new InvalidInputException("No artefact has the name or ID \"" + wanted
                        + "\": fleetdesk artefacts list shows them, and fleetdesk artefacts create adds one."));
    }
}
