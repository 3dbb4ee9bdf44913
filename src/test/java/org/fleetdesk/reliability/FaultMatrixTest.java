package org.fleetdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10's fault matrix: sync, bulk auth-key creation, identity registration and a rollout, each run from the
 * command line against the simulator over HTTP under each of six faults. A run the fault made fail, or that was
 * interrupted, is completed the way its messages tell the user to (run again, the missing names, rollouts resume).
 * Then the cache equals the organisation, every requested key exists once with its secret saved, every identity is
 * registered once, every rollout target has one deployment, and the output said what happened.
 */
class FaultMatrixTest {
    /** What a run that failed because of the fault says: the server's message, a lost answer, the connection. */
    private static final Pattern TOLD_FAILURE = Pattern.compile("Internal server error|Bad gateway|Service unavailable"
            + "|answer was lost|cannot connect to|connection to \\S+ failed|cut off|halted|Error: ");
    private static final Pattern TOLD_RATE_LIMITED = Pattern.compile("Note: The API asked to slow down \\(HTTP 429\\) "
            + "(once|\\d+ times)");
    private static final Pattern TOLD_SERVER_ERRORS = Pattern.compile("failed with a server error \\(HTTP 5xx\\) "
            + "(once|\\d+ times)");
    private static final Pattern TOLD_CUT_OFF = Pattern.compile("cut an answer off (once|\\d+ times)");
    private static final Pattern TOLD_UNREACHABLE = Pattern.compile("could not be reached or cut an answer off");
    private static final Duration SERVER_DOWN = Duration.ofSeconds(3);
    private static final Pattern TOLD_SERVER_DOWN = Pattern.compile("cannot connect to http://127\\.0\\.0\\.1:\\d+");

    @TempDir
    Path dir;

    static Stream<Arguments> cells() {
        return Stream.of(Fault.values()).flatMap(f -> Stream.of(Operation.values()).map(o -> Arguments.of(f, o)));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cells")
    void theOperationSurvivesTheFault(Fault fault, Operation operation) throws Exception {
        Scenario scenario = operation.newScenario();
        long start = System.nanoTime();
        List<Fleetdesk.Result> runs;
        try (Cell cell = new Cell(fault.configure(scenario), dir)) {
            scenario.prepare(cell);
            runs = switch (fault) {
                case SERVER_RESTARTED -> restartTheServerMidRun(cell, scenario);
                case CLIENT_KILLED -> killTheClientMidRun(cell, scenario);
                default -> runUnderTheFault(cell, scenario, fault, operation);
            };
            Fleetdesk.Result last = runs.get(runs.size() - 1);
            assertEquals(0, last.exitCode(), "the run that completes the work\n" + last);
            assertTrue(Pattern.compile(scenario.completedOutcome()).matcher(last.all()).find(),
                    "the user is told the outcome\n" + last);
            if (runs.size() > 1) {
                assertTrue(Pattern.compile(scenario.resumedOutcome()).matcher(last.all()).find(),
                        "the user is told what the second run found and did\n" + last);
            }
            scenario.assertComplete(cell);
            assertNoSecretUnder(cell.home);
        }
        System.out.printf("MATRIX | %s | %s | exits %s | %.1f s%n", fault, operation,
                runs.stream().map(r -> String.valueOf(r.exitCode())).toList(), (System.nanoTime() - start) / 1e9);
    }

    /** Latency, rate limit, failures, cut-off answers: one run, and a second one if the fault made the first fail. */
    private static List<Fleetdesk.Result> runUnderTheFault(Cell cell, Scenario scenario, Fault fault,
                                                          Operation operation) throws Exception {
        List<Fleetdesk.Result> runs = new ArrayList<>();
        Fleetdesk.Result first = cell.fleetdesk.run(scenario.command(cell));
        runs.add(first);
        if (fault == Fault.LATENCY_200_MS || fault == Fault.RATE_LIMIT_20) {
            assertEquals(0, first.exitCode(), "slow answers and 429s are waited out in one run\n" + first);
        }
        Pattern told = switch (fault) {
            // 40 signatures made here, and a rollout's own 10 requests a second, stay under 20 a second: no 429 to tell
            case RATE_LIMIT_20 -> operation == Operation.SYNC || operation == Operation.BULK_AUTH_KEYS
                    ? TOLD_RATE_LIMITED : null;
            case FAIL_RATE_20_PCT -> TOLD_SERVER_ERRORS;
            case RESPONSES_CUT_OFF -> TOLD_CUT_OFF;
            default -> null;
        };
        if (told != null) {
            assertTrue(told.matcher(first.err()).find(), "the run says what the API did\n" + first);
        }
        if (first.exitCode() != 0) {
            assertTrue(TOLD_FAILURE.matcher(first.err()).find(), "a failed run says why\n" + first);
            scenario.assertIntactAfterInterruption(cell);
            runs.add(cell.fleetdesk.run(scenario.completion(cell)));
        }
        return runs;
    }

    /**
     * Stops the server mid-run and starts it again a few seconds later. A run that failed meanwhile must have said so
     * and is completed by the next run; one that waited for the server (a rollout watching its deployments) must
     * finish by itself and say the API could not be reached.
     */
    private static List<Fleetdesk.Result> restartTheServerMidRun(Cell cell, Scenario scenario) throws Exception {
        Fleetdesk.Running running = cell.fleetdesk.start(scenario.command(cell));
        Cell.await("the run is part-way", () -> scenario.midRun(cell, running.outputSoFar())
                || running.result().isDone());
        assertFalse(running.result().isDone(), () -> "the run ended before the server could be stopped\n"
                + running.result().join());
        cell.stopServer();
        Cell.await("the run fails, or " + SERVER_DOWN.toSeconds() + " s pass", new BooleanSupplier() {
            private final long restartAt = System.nanoTime() + SERVER_DOWN.toNanos();

            @Override
            public boolean getAsBoolean() {
                return running.result().isDone() || System.nanoTime() > restartAt;
            }
        });
        if (running.result().isDone()) {
            scenario.assertIntactAfterInterruption(cell);
        }
        cell.restartServer();
        Fleetdesk.Result first = running.result().get(Cell.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (first.exitCode() == 0) {
            assertTrue(TOLD_UNREACHABLE.matcher(first.err()).find(), "the run says the API could not be reached\n"
                    + first);
            return List.of(first);
        }
        assertTrue(TOLD_SERVER_DOWN.matcher(first.err()).find(), "the run says the server went away\n" + first);
        return List.of(first, cell.fleetdesk.run(scenario.completion(cell)));
    }

    /** Runs the command in a child JVM, kills it with SIGKILL mid-run, then completes the work in a new run. */
    private static List<Fleetdesk.Result> killTheClientMidRun(Cell cell, Scenario scenario) throws Exception {
        Path log = cell.files.resolve("killed-run.log");
        Process process = cell.fleetdesk.launch(log, scenario.command(cell));
        try {
            Cell.await("the run is part-way", () -> scenario.midRun(cell, Fleetdesk.read(log)) || !process.isAlive());
            assertTrue(process.isAlive(), "the run ended before it could be killed\n" + Fleetdesk.read(log));
        } finally {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed process ended");
        }
        Fleetdesk.Result killed = cell.fleetdesk.checked(new Fleetdesk.Result(process.exitValue(), "",
                Fleetdesk.read(log)));
        assertEquals(137, killed.exitCode(), "killed by SIGKILL");
        scenario.assertIntactAfterInterruption(cell);
        return List.of(killed, cell.fleetdesk.run(scenario.completion(cell)));
    }

    /** The cache, the activity journal, the rollout journal and the logs hold no auth-key secret. */
    private static void assertNoSecretUnder(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains("rpoak_"), "an auth-key secret in " + file);
            }
        }
    }
}
