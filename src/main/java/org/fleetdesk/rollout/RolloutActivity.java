package org.fleetdesk.rollout;

import java.util.Map;
import java.util.function.Supplier;
import org.fleetdesk.store.ActivityEntry;
import org.fleetdesk.store.FleetStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts a rollout's life (started, paused, resumed, aborted, finished, …) into the organisation's activity log. */
final class RolloutActivity {
    private static final Map<RolloutState, String> ACTIONS = Map.of(
            RolloutState.RUNNING, "rollout resumed",
            RolloutState.PAUSED, "rollout paused",
            RolloutState.COMPLETED, "rollout finished",
            RolloutState.STOPPED, "rollout stopped by its failure threshold",
            RolloutState.ABORTED, "rollout aborted",
            RolloutState.HALTED, "rollout halted");
    private static final Logger LOG = LoggerFactory.getLogger(RolloutActivity.class);

    private final FleetStore store;
    private final String source;

    /** {@code source}: GUI or CLI; null records nothing. */
    RolloutActivity(FleetStore store, String source) {
        this.store = store;
        this.source = source;
    }

    void started(Rollout rollout) {
        if (source != null) {
            record("rollout started", rollout.name(), rollout.artefactName() + " to " + rollout.targetsDescription());
        }
    }

    void changed(Supplier<String> rolloutName, RolloutState to, String reason) {
        if (source != null) {
            record(ACTIONS.get(to), rolloutName.get(), reason);
        }
    }

    /** A journal entry that cannot be written must not stop the rollout: it is logged instead. */
    private void record(String action, String rollout, String message) {
        try {
            store.activity().record(source, action, rollout, ActivityEntry.OK, message);
        } catch (RuntimeException e) {
            LOG.warn("Could not journal '{}' of rollout {}: {}", action, rollout, e.getMessage());
        }
    }
}
