package org.fleetdesk.reliability;

import org.fleetdesk.sim.SimConfig;

/** The six faults of the matrix: four injected by the simulator on every request, two that interrupt a run. */
enum Fault {
    LATENCY_200_MS("--latency-ms 200"),
    RATE_LIMIT_20("--rate-limit 20"),
    FAIL_RATE_20_PCT("--fail-rate 0.2"),
    RESPONSES_CUT_OFF("responses cut off mid-body (20 %)"),
    SERVER_RESTARTED("server stopped mid-run and restarted"),
    CLIENT_KILLED("client killed with SIGKILL, started again");

    private final String label;

    Fault(String label) {
        this.label = label;
    }

    /** The simulator of {@code scenario}'s organisation with this fault. */
    SimConfig configure(Scenario scenario) {
        SimConfig.Builder config = scenario.organisation();
        return switch (this) {
            case LATENCY_200_MS -> config.latencyMs(200).build();
            case RATE_LIMIT_20 -> config.rateLimit(20).build();
            case FAIL_RATE_20_PCT -> config.failRate(0.2).build();
            case RESPONSES_CUT_OFF -> config.truncateRate(0.2).build();
            case SERVER_RESTARTED, CLIENT_KILLED -> config.latencyMs(scenario.interruptibleLatencyMs()).build();
        };
    }

    /** True for the faults that stop a run part-way (the others are injected while it runs). */
    boolean interrupts() {
        return this == SERVER_RESTARTED || this == CLIENT_KILLED;
    }

    @Override
    public String toString() {
        return label;
    }
}
