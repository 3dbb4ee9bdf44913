package org.fleetdesk.api;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Shared set-up for client tests against MockWebServer. */
final class MockApi {
    static final String TOKEN = "rporg_t0kenUnderTest";

    /** Retries quickly, so retry tests do not sleep for real. */
    static final RetryPolicy FAST_RETRIES = RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(2))
            .maxDelay(Duration.ofMillis(10)).build();

    private MockApi() {
    }

    static ConnectClient client(MockWebServer server) {
        return ConnectClient.builder().baseUrl(server.url("/").toString()).token(TOKEN).retryPolicy(FAST_RETRIES)
                .limiter(RequestLimiter.create(1000, 8)).build();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }

    static MockResponse noContent() {
        return new MockResponse.Builder().code(204).build();
    }

    static RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(request, "the server received no request");
        return request;
    }
}
