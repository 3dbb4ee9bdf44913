package org.fleetdesk.reliability;

import java.util.function.Supplier;

/** The four operations of the matrix, each a fresh scenario per cell. */
enum Operation {
    SYNC("sync", SyncScenario::new),
    BULK_AUTH_KEYS("bulk auth keys", AuthKeysScenario::new),
    IDENTITY_REGISTRATION("identity registration", IdentitiesScenario::new),
    ROLLOUT("rollout", RolloutScenario::new);

    private final String label;
    private final Supplier<Scenario> scenario;

    Operation(String label, Supplier<Scenario> scenario) {
        this.label = label;
        this.scenario = scenario;
    }

    Scenario newScenario() {
        return scenario.get();
    }

    @Override
    public String toString() {
        return label;
    }
}
