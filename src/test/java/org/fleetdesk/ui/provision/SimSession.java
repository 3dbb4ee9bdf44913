package org.fleetdesk.ui.provision;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Json;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.ui.common.ConnectionState;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.common.TaskExecutor;

/** A session on an in-process simulator, with its cache in a test folder; and the device side of the simulator. */
public final class SimSession {
    private SimSession() {
    }

    public static Session open(SimServer server, Path folder, TaskExecutor executor) {
        RequestLimiter limiter = RequestLimiter.create(200, 8);
        ConnectClient client = ConnectClient.builder().baseUrl(server.baseUrl()).token(server.token()).limiter(limiter)
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(5))
                        .maxDelay(Duration.ofMillis(50)).build())
                .build();
        Session session = new Session("test", false, client, limiter, FleetStore.open(folder.resolve("cache.db")),
                executor, () -> { });
        session.setConnection(ConnectionState.ONLINE, "");
        return session;
    }

    /** Moves the simulated clock forward, so that keys made one after the other have different creation times. */
    public static void advance(SimServer server, long seconds) throws Exception {
        post(server, "/_sim/clock", Map.of("advance_seconds", seconds));
    }

    /** What a device does with its credential: {@code /_sim/auth-keys/exchange} or {@code /_sim/device-identities/exchange}. */
    public static HttpResponse<String> exchange(SimServer server, String what, Map<String, String> body) throws Exception {
        return post(server, "/_sim/" + what + "/exchange", body);
    }

    private static HttpResponse<String> post(SimServer server, String path, Map<String, ?> body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + server.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
