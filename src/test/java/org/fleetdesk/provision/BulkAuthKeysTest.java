package org.fleetdesk.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.NewAuthKey;
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

    @Test
    void aLostAnswerNeverTouchesAKeyThatExistedBefore() throws Exception {
        try (SimServer server = SimServer.start(SimConfig.builder().devices(0).seed(9).truncateRate(0.3).build())) {
            RequestLimiter limiter = RequestLimiter.create(500, 4);
            try (ConnectClient client = client(server, limiter)) {
                while (server.organisation().authKeys().isEmpty()) {
                    try {
                        client.createAuthKey(new NewAuthKey("pi5-002", null, "pi5-002", List.of()));
                    } catch (ApiException lost) {
                        // the answer was cut off; the key may or may not exist
                    }
                }
                Set<String> before = ids(server.organisation().authKeys());

                BulkResult<AuthKey> result = new BulkAuthKeys(client, limiter).create(
                        AuthKeyPlan.of(NameList.fromPattern("pi5-{001..030}"), null, List.of()), null,
                        BulkProgress.none(), () -> false);

                assertTrue(result.allSucceeded(), () -> result.failed().toString());
                List<AuthKey> after = server.organisation().authKeys();
                assertTrue(ids(after).containsAll(before), "keys from before the run are kept");
                List<AuthKey> made = after.stream().filter(k -> !before.contains(k.id())).toList();
                assertEquals(30, made.size(), "exactly one new key per name");
                assertEquals(ids(made), ids(result.values()));
                Map<String, String> secrets = made.stream().collect(Collectors.toMap(AuthKey::id, AuthKey::secret));
                result.values().forEach(k -> assertEquals(secrets.get(k.id()), k.secret()));
            }
        }
    }

    @Test
    void aSecretThatCannotBeSavedDeletesItsKey() throws Exception {
        try (SimServer server = SimServer.start(SimConfig.builder().devices(0).seed(10).build())) {
            RequestLimiter limiter = RequestLimiter.create(500, 4);
            try (ConnectClient client = client(server, limiter)) {
                BulkResult<AuthKey> result = new BulkAuthKeys(client, limiter).withConcurrency(2).create(
                        AuthKeyPlan.of(NameList.fromPattern("pi5-{1..4}"), 2, List.of("kiosk")), (name, key) -> {
                            if (name.equals("pi5-3")) {
                                throw new java.io.IOException("disk full");
                            }
                        }, BulkProgress.none(), () -> false);

                assertEquals(List.of("pi5-3"), result.failed().stream().map(Outcome::name).toList());
                assertEquals("The secret could not be saved (disk full), so the key was deleted again.",
                        result.failed().get(0).message());
                assertEquals(Set.of("pi5-1", "pi5-2", "pi5-4"), server.organisation().authKeys().stream()
                        .map(AuthKey::description).collect(Collectors.toSet()));
            }
        }
    }

    private static Set<String> ids(List<AuthKey> keys) {
        return keys.stream().map(AuthKey::id).collect(Collectors.toSet());
    }

    static ConnectClient client(SimServer server, RequestLimiter limiter) {
        return ConnectClient.builder().baseUrl(server.baseUrl()).token(server.token()).limiter(limiter)
                .retryPolicy(RetryPolicy.builder().maxAttempts(6).baseDelay(Duration.ofMillis(5))
                        .maxDelay(Duration.ofMillis(50)).build())
                .build();
    }
}
