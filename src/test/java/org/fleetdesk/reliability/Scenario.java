package org.fleetdesk.reliability;

import org.fleetdesk.sim.SimConfig;

/** One operation of the matrix, as a user runs it from the command line, and what must hold once it is done. */
interface Scenario {
    /** The organisation this operation runs on, before a fault is added. */
    SimConfig.Builder organisation();

    /** Latency that makes a run last long enough to be interrupted mid-way (server restart and SIGKILL columns). */
    long interruptibleLatencyMs();

    /** What exists before the user's run (a first sync, an artefact, key files…). */
    void prepare(Cell cell) throws Exception;

    /** The user's command. */
    String[] command(Cell cell);

    /** True once a run has done part of its work (and not all of it): the moment to interrupt it. */
    boolean midRun(Cell cell, String outputSoFar);

    /** What the user runs after a run that failed or was interrupted, to finish the work. */
    String[] completion(Cell cell) throws Exception;

    /** What must hold right after a failed or killed run, before the completion. */
    default void assertIntactAfterInterruption(Cell cell) throws Exception {
    }

    /** The operation's invariants once it has completed. */
    void assertComplete(Cell cell) throws Exception;

    /** A pattern found in the output of a run that completed the work: the outcome the user is told. */
    String completedOutcome();

    /** A pattern found in the output of the run that completes an interrupted one: what it found and did. */
    String resumedOutcome();
}
