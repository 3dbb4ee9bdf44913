package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The injected faults: latency, rate limit, server errors and truncated bodies; never on {@code /_sim/}. */
class FaultsTest {

    private static SimServer start(SimConfig.Builder config) throws IOException {
        return SimServer.start(config.devices(10).seed(12).build());
    }

    @Test
    void latencyIsAddedToEveryResponse() throws IOException {
        try (SimServer server = start(SimConfig.builder().latencyMs(150))) {
            SimHttp http = new SimHttp(server);
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                assertEquals(200, http.get("/organisation/devices").status());
                assertTrue((System.nanoTime() - started) / 1_000_000 >= 150, "answered before the added latency");
            }
        }
    }

    @Test
    void aRateLimitAnswers429WithRetryAfter() throws Exception {
        try (SimServer server = start(SimConfig.builder().rateLimit(5))) {
            SimHttp http = new SimHttp(server);
            List<SimHttp.Reply> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replies.add(http.get("/organisation/devices"));
            }
            assertEquals(200, replies.get(0).status());
            SimHttp.Reply limited = replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
            AuthAndErrorsTest.assertJsonError(limited);
            long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1, "Retry-After: " + retryAfter);
            assertTrue(replies.stream().filter(r -> r.status() == 200).count() <= 8, "at most about one second's worth");
            for (int i = 0; i < 20; i++) {
                assertEquals(200, http.get("/_sim/clock").status(), "the device side is never limited");
            }
            Thread.sleep(retryAfter * 1000);
            assertEquals(200, http.get("/organisation/devices").status());
        }
    }

    @Test
    void failuresAreServerErrorsThatChangeNothing() throws IOException {
        try (SimServer server = start(SimConfig.builder().failRate(1))) {
            SimHttp http = new SimHttp(server);
            Set<Integer> statuses = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                SimHttp.Reply reply = http.post("/organisation/auth-keys", Map.of("description", "k" + i));
                statuses.add(reply.status());
                AuthAndErrorsTest.assertJsonError(reply);
                if (reply.status() == 503) {
                    assertEquals("1", reply.headers().firstValue("Retry-After").orElseThrow());
                }
            }
            assertEquals(Set.of(500, 502, 503), statuses);
            assertTrue(server.organisation().authKeys().isEmpty(), "a failed request is not processed");
            assertEquals(200, http.get("/_sim/clock").status());
        }
    }

    @Test
    void aFailRateFailsThatShareOfRequests() throws IOException {
        try (SimServer server = start(SimConfig.builder().failRate(0.3))) {
            SimHttp http = new SimHttp(server);
            int failed = 0;
            for (int i = 0; i < 300; i++) {
                int status = http.get("/organisation/devices?per_page=1").status();
                assertTrue(status == 200 || status >= 500, "status " + status);
                failed += status >= 500 ? 1 : 0;
            }
            assertTrue(failed > 50 && failed < 130, "failed: " + failed);
        }
    }

    @Test
    void truncatedResponsesEndMidBodyAfterTheRequestWasProcessed() throws IOException {
        try (SimServer server = start(SimConfig.builder().truncateRate(1))) {
            SimHttp http = new SimHttp(server);
            UncheckedIOException cut = assertThrows(UncheckedIOException.class, () -> http.get("/organisation/devices"));
            assertTrue(cut.getCause() instanceof IOException);
            assertThrows(UncheckedIOException.class, () -> http.post("/organisation/auth-keys", Map.of("description", "lost")));
            assertEquals(1, server.organisation().authKeys().size(), "the key was created although its answer was lost");
            String device = server.organisation().devices().get(0).id();
            assertEquals(204, http.delete("/organisation/devices/" + device).status(), "an empty answer has nothing to cut");
            assertEquals(200, http.get("/_sim/clock").status());
        }
    }
}
