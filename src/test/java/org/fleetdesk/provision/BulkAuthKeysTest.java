package org.fleetdesk.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkAuthKeysTest {
    @TempDir
    Path dir;

    @Test
    void twoHundredKeysUnderFailuresEndWithOneUsableKeyPerNameAndEverySecretSaved() throws Exception {
        bulkUnder(SimConfig.builder().devices(0).seed(7).failRate(0.05).build());
    }

    @Test
    void twoHundredKeysUnderTruncatedAnswersEndWithOneUsableKeyPerNameAndEverySecretSaved() throws Exception {
        bulkUnder(SimConfig.builder().devices(0).seed(8).truncateRate(0.05).failRate(0.02).build());
    }

    private void bulkUnder(SimConfig config) throws Exception {
        try (SimServer server = SimServer.start(config)) {
            RequestLimiter limiter = RequestLimiter.create(500, 8);
            try (ConnectClient client = client(server, limiter)) {
                List<NameEntry> names = NameList.fromPattern("pi5-{001..200}");
                KeyFiles files = new KeyFiles(dir, KeyFiles.ExistingFiles.REFUSE);
                BulkResult<AuthKey> result = new BulkAuthKeys(client, limiter).create(
                        AuthKeyPlan.of(names, null, List.of("production")), files, BulkProgress.none(), () -> false);

                assertTrue(result.allSucceeded(), () -> result.failed().toString());
                List<AuthKey> onServer = server.organisation().authKeys();
                Map<String, List<AuthKey>> byName = onServer.stream()
                        .collect(Collectors.groupingBy(AuthKey::description));
                assertEquals(200, byName.size());
                assertEquals(200, onServer.size(), "no orphan key left by a lost answer");
                for (NameEntry name : names) {
                    AuthKey key = byName.get(name.name()).get(0);
                    assertEquals(AuthKey.State.USABLE, key.stateAt(server.organisation().now()));
                    assertEquals(key.secret() + "\n", Files.readString(dir.resolve(name.name() + ".key")));
                }
                Map<String, AuthKey> outcomes = result.values().stream()
                        .collect(Collectors.toMap(AuthKey::description, Function.identity()));
                assertEquals(byName.keySet(), outcomes.keySet());
                assertTrue(result.outcomes().stream().anyMatch(o -> o.message() != null),
                        "some answers were lost and reconciled");
            }
        }
    }

    static ConnectClient client(SimServer server, RequestLimiter limiter) {
        return ConnectClient.builder().baseUrl(server.baseUrl()).token(server.token()).limiter(limiter)
                .retryPolicy(RetryPolicy.builder().maxAttempts(6).baseDelay(Duration.ofMillis(5))
                        .maxDelay(Duration.ofMillis(50)).build())
                .build();
    }
}
