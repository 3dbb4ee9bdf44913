package org.fleetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.DeviceIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceTablesTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final String SECRET = "rpoak_" + "s3cr3tV4lu3ThatMustNeverBeStored0123456789";

    @TempDir
    Path dir;
    private FleetStore store;

    @BeforeEach
    void open() {
        store = FleetStore.open(dir.resolve("cache.sqlite"), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static AuthKey key(String id, String secret, Instant created) {
        return new AuthKey(id, "batch " + id, "pi5-" + id, List.of("production", "kiosk"), secret,
                created.plusSeconds(86_400), null, created);
    }

    @Test
    void artefactsAreReplacedUpsertedAndDeleted() {
        Artefact kiosk = new Artefact("a1", "kiosk-v1.0", "https://example.com/kiosk-v1.0.tar.zst", "d39f".repeat(16));
        Artefact signage = new Artefact("a2", "signage-v2", "https://example.com/s.tar.zst", "0a1b".repeat(16));
        store.artefacts().replaceAll(List.of(signage, kiosk));
        assertEquals(List.of(kiosk, signage), store.artefacts().all());
        assertEquals(Optional.of(new SyncState(CachedResource.ARTEFACTS, NOW, 2)), store.lastSync(CachedResource.ARTEFACTS));
        Artefact renamed = new Artefact("a2", "a-signage", signage.uri(), signage.checksum());
        store.artefacts().upsert(renamed);
        assertEquals(List.of(renamed, kiosk), store.artefacts().all());
        assertTrue(store.artefacts().delete("a1"));
        assertFalse(store.artefacts().delete("a1"));
        assertEquals(Optional.empty(), store.artefacts().get("a1"));
        store.artefacts().replaceAll(List.of(kiosk));
        assertEquals(List.of(kiosk), store.artefacts().all());
    }

    @Test
    void authKeysKeepTheirMetadataButNeverTheSecret() throws IOException {
        Instant created = Instant.parse("2025-05-31T10:00:00.123456Z");
        store.authKeys().replaceAll(List.of(key("k1", SECRET, created), key("k2", null, created.plusMillis(1))));
        store.authKeys().upsert(key("k3", SECRET, created.plusSeconds(60)));
        List<AuthKey> keys = store.authKeys().all();
        assertEquals(List.of("k3", "k2", "k1"), keys.stream().map(AuthKey::id).toList());
        keys.forEach(k -> assertNull(k.secret()));
        assertEquals(key("k1", null, created), store.authKeys().get("k1").orElseThrow());
        assertFalse(fileBytesContain(SECRET), "the secret is in the cache files");
        store.close();
        assertTrue(fileBytesContain("batch k1"), "the scan finds what was stored");
        assertFalse(fileBytesContain(SECRET), "the secret is in the cache file after checkpoint");
        assertFalse(fileBytesContain("rpoak_"));
    }

    @Test
    void deviceIdentitiesRoundTrip() {
        DeviceIdentity identity = new DeviceIdentity("i1", "line 3", "pi5-003", List.of("lab"),
                Instant.parse("2025-05-01T00:00:00Z"), "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n");
        store.deviceIdentities().replaceAll(List.of(identity));
        assertEquals(List.of(identity), store.deviceIdentities().all());
        assertEquals(1, store.lastSync(CachedResource.DEVICE_IDENTITIES).orElseThrow().count());
        assertTrue(store.deviceIdentities().delete("i1"));
        assertEquals(List.of(), store.deviceIdentities().all());
        assertEquals(Optional.empty(), store.lastSync(CachedResource.AUTH_KEYS));
    }

    private boolean fileBytesContain(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    int k = 0;
                    while (k < needle.length && bytes[i + k] == needle[k]) {
                        k++;
                    }
                    if (k == needle.length) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
