package org.fleetdesk.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.fleetdesk.api.UnauthorizedException;
import org.fleetdesk.api.UnprocessableException;
import org.junit.jupiter.api.Test;

class BulkRunnerTest {
    private final List<String> names = List.of("a", "b", "c", "d", "e");

    @Test
    void oneFailureDoesNotStopTheOthersAndOutcomesKeepTheOrder() {
        List<Integer> done = new ArrayList<>();
        BulkResult<String> result = new BulkRunner<String, String>(3, "test").run(names, n -> n, n -> {
            if (n.equals("c")) {
                throw new UnprocessableException("Validation failed: Description can't be blank");
            }
            return Outcome.succeeded(n, n.toUpperCase(), null);
        }, (count, total, latest) -> done.add(count), () -> false);

        assertEquals(names, result.outcomes().stream().map(Outcome::name).toList());
        assertEquals(List.of("A", "B", "D", "E"), result.values());
        assertEquals(List.of("Validation failed: Description can't be blank (HTTP 422)"),
                result.failed().stream().map(Outcome::message).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), done);
    }

    @Test
    void aRefusedTokenStopsTheRun() {
        BulkResult<String> result = new BulkRunner<String, String>(1, "test").run(names, n -> n, n -> {
            if (n.equals("b")) {
                throw new UnauthorizedException("The management API access token is invalid");
            }
            return Outcome.succeeded(n, n, null);
        }, BulkProgress.none(), () -> false);

        assertEquals(List.of(Outcome.Status.SUCCEEDED, Outcome.Status.FAILED, Outcome.Status.NOT_STARTED,
                Outcome.Status.NOT_STARTED, Outcome.Status.NOT_STARTED),
                result.outcomes().stream().map(Outcome::status).toList());
        assertTrue(result.notStarted().get(0).message().startsWith("Not started: The management API access token is"
                + " invalid (HTTP 401): the management token was refused"), result.notStarted().get(0).message());
    }

    @Test
    void cancellingStartsNothingNewButFinishesWhatRuns() {
        AtomicInteger started = new AtomicInteger();
        BulkResult<String> result = new BulkRunner<String, String>(1, "test").run(names, n -> n, n -> {
            started.incrementAndGet();
            return Outcome.succeeded(n, n, null);
        }, BulkProgress.none(), () -> started.get() >= 2);

        assertEquals(2, result.succeeded().size());
        assertEquals(3, result.notStarted().size());
        assertEquals("Not started: the run was cancelled.", result.notStarted().get(0).message());
    }
}
