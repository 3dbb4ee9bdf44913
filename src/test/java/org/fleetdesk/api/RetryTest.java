package org.fleetdesk.api;

import static org.fleetdesk.api.MockApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class RetryTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void aGetThatFailsWith503IsRetriedAndSucceeds() {
        server.enqueue(json(503, "{\"message\":\"Service unavailable\"}"));
        server.enqueue(json(200, ReferenceExamples.DEVICES));

        Page<Device> page = MockApi.client(server).listDevices(null, 1, 100);

        assertEquals(1, page.items().size());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void a429WithRetryAfterWaitsAtLeastThatLong() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").build());
        server.enqueue(json(200, ReferenceExamples.AUTH_KEYS));
        long start = System.nanoTime();

        MockApi.client(server).listAuthKeys(1, 100);

        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMillis >= 2000, "waited only " + waitedMillis + " ms");
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aPostIsNeverRetriedAfterAnAnswer() {
        server.enqueue(json(503, "{\"message\":\"Service unavailable\"}"));
        server.enqueue(json(201, ReferenceExamples.AUTH_KEY_CREATED));

        assertThrows(ServerErrorException.class, () -> MockApi.client(server)
                .createAuthKey(new NewAuthKey("d", null, null, null)));

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aPatchIsNeverRetriedAfterAnAnswer() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0").build());
        server.enqueue(json(200, ReferenceExamples.AUTH_KEY_UPDATED));

        assertThrows(RateLimitedException.class, () -> MockApi.client(server)
                .updateAuthKey("k", new AuthKeyUpdate("d", null, null)));

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aPostCutOffAfterSendingSaysItMayHaveBeenSentAndIsNotRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(201, ReferenceExamples.AUTH_KEY_CREATED));

        NetworkException e = assertThrows(NetworkException.class, () -> MockApi.client(server)
                .createAuthKey(new NewAuthKey("d", null, null, null)));

        assertTrue(e.requestMayHaveBeenSent());
        assertTrue(e.getMessage().contains("may have reached the server"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aGetCutOffIsRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(200, ReferenceExamples.ARTEFACTS));

        assertEquals(1, MockApi.client(server).listArtefacts(null, 1, 100).items().size());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void deleteAndCancelAreRetriedOnServerErrors() {
        server.enqueue(json(500, "{}"));
        server.enqueue(MockApi.noContent());
        server.enqueue(json(502, "{}"));
        server.enqueue(json(200, ReferenceExamples.DEPLOYMENT_CANCELLED));
        ConnectClient client = MockApi.client(server);

        client.deleteArtefact("a");
        assertEquals(DeploymentState.CANCELLED, client.cancelDeployment("d").state());

        assertEquals(4, server.getRequestCount());
    }

    @Test
    void retriesStopAfterTheLastAttempt() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(json(503, "{\"message\":\"down\"}"));
        }

        ServerErrorException e = assertThrows(ServerErrorException.class,
                () -> MockApi.client(server).listDevices(null, 1, 100));

        assertEquals("down", e.serverMessage());
        assertEquals(MockApi.FAST_RETRIES.maxAttempts(), server.getRequestCount());
    }

    @Test
    void aRetryAfterLongerThanThePolicyAllowsIsSurfacedAtOnce() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());

        RateLimitedException e = assertThrows(RateLimitedException.class,
                () -> MockApi.client(server).listDevices(null, 1, 100));

        assertEquals(3_600_000, e.retryAfterMillis());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anUnreachableServerIsANetworkFailureThatSentNothing() throws IOException {
        String url = server.url("/").toString();
        server.close();
        ConnectClient client = ConnectClient.builder().baseUrl(url).token(MockApi.TOKEN)
                .retryPolicy(MockApi.FAST_RETRIES).build();

        NetworkException get = assertThrows(NetworkException.class, () -> client.listDevices(null, 1, 100));
        NetworkException post = assertThrows(NetworkException.class,
                () -> client.createAuthKey(new NewAuthKey("d", null, null, null)));

        assertFalse(get.requestMayHaveBeenSent());
        assertTrue(get.getMessage().contains("after 3 attempts"), get.getMessage());
        assertFalse(post.requestMayHaveBeenSent());
        assertTrue(post.getMessage().contains("Nothing was sent"), post.getMessage());
        assertFalse(get.getMessage().contains(MockApi.TOKEN));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-02-25T16:09:52Z");

        assertEquals(2000, RetryAfter.millis("2", now));
        assertEquals(30_000, RetryAfter.millis("Wed, 25 Feb 2026 16:10:22 GMT", now));
        assertEquals(0, RetryAfter.millis("Wed, 25 Feb 2026 16:00:00 GMT", now));
        assertEquals(RetryAfter.ABSENT, RetryAfter.millis(null, now));
        assertEquals(RetryAfter.ABSENT, RetryAfter.millis("soon", now));
    }

    @Test
    void backoffGrowsWithJitterAndNeverUndercutsRetryAfter() {
        RetryPolicy policy = RetryPolicy.builder().baseDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(1000)).build();

        for (int i = 0; i < 50; i++) {
            long first = policy.delayBefore(1, -1).toMillis();
            long third = policy.delayBefore(3, -1).toMillis();
            long capped = policy.delayBefore(10, -1).toMillis();
            assertTrue(first >= 50 && first <= 100, "first " + first);
            assertTrue(third >= 200 && third <= 400, "third " + third);
            assertTrue(capped >= 500 && capped <= 1000, "capped " + capped);
            assertTrue(policy.delayBefore(1, 5000).toMillis() >= 5000);
        }
        assertEquals(1, RetryPolicy.none().maxAttempts());
    }
}
