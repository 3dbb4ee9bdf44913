package org.fleetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.NewArtefact;
import org.fleetdesk.api.NewAuthKey;
import org.fleetdesk.api.NotFoundException;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityJournalTest {
    @TempDir
    Path dir;
    private SimServer server;
    private FleetStore store;
    private ConnectClient client;

    @BeforeEach
    void start() throws Exception {
        server = SimServer.start(SimConfig.builder().devices(20).seed(11).build());
        store = FleetStore.open(dir.resolve("cache.sqlite"));
        client = ConnectClient.builder().baseUrl(server.baseUrl()).token(server.token())
                .changeObserver(new ApiActivityRecorder(store, ApiActivityRecorder.CLI)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
        server.stop();
    }

    @Test
    void everyChangeIsJournalledWithItsOutcomeAndNeverTheSecret() throws Exception {
        AuthKey key = client.createAuthKey(new NewAuthKey("pi5-001 key", 2, "pi5-001", List.of("kiosk")));
        Device device = client.listDevices(null, 1, 1).items().get(0);
        store.replaceDevices(List.of(device));
        client.deleteDevice(device.id());
        assertThrows(NotFoundException.class, () -> client.deleteDevice(device.id()));
        client.listAllArtefacts(null);

        List<ActivityEntry> entries = store.activity().entries(null, null, null, 100);
        assertEquals(3, entries.size(), "reads are not journalled: " + entries);
        assertEquals("device deleted", entries.get(0).action());
        assertEquals("failed (HTTP 404)", entries.get(0).outcome());
        assertEquals("device deleted", entries.get(1).action());
        assertTrue(entries.get(1).succeeded());
        assertTrue(entries.get(1).subject().contains(device.name()), entries.get(1).subject());
        assertEquals("auth key created", entries.get(2).action());
        assertEquals("pi5-001 key", entries.get(2).subject());
        assertEquals("CLI", entries.get(2).source());

        store.close();
        for (String name : new String[] {"cache.sqlite", "journal.sqlite"}) {
            String raw = read(dir.resolve(name)) + read(dir.resolve(name + "-wal"));
            assertFalse(raw.contains(key.secret()), "the secret must never reach " + name);
        }
        assertTrue(read(dir.resolve("journal.sqlite")).contains("pi5-001 key")
                || read(dir.resolve("journal.sqlite-wal")).contains("pi5-001 key"), "the journal file holds the entries");
        store = FleetStore.open(dir.resolve("cache.sqlite"));
    }

    private static String read(Path file) throws Exception {
        return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) : "";
    }

    @Test
    void failuresKeepTheServersWords() {
        String checksum = "a".repeat(64);
        client.createArtefact(new NewArtefact("kiosk-v1", "https://example.com/kiosk-v1.img", checksum));
        assertThrows(RuntimeException.class,
                () -> client.createArtefact(new NewArtefact("kiosk-v1", "https://example.com/other.img", checksum)));
        ActivityEntry failed = store.activity().entries(null, "artefact created", null, 10).get(0);
        assertEquals("kiosk-v1", failed.subject());
        assertTrue(failed.outcome().startsWith("failed (HTTP 422)"), failed.outcome());
        assertTrue(failed.message() != null && !failed.message().isBlank());
    }

    @Test
    void filtersAndSearchNarrowTheJournal() {
        store.activity().record("GUI", "auth key created", "lobby screen", "ok", null);
        store.activity().record("GUI", "artefact deleted", "kiosk-v2", "failed (HTTP 422)",
                "Cannot delete artefacts that have been deployed");
        assertEquals(1, store.activity().entries(null, "artefact deleted", null, 10).size());
        assertEquals(1, store.activity().entries(null, null, "LOBBY", 10).size());
        assertEquals(1, store.activity().entries(null, null, "deployed", 10).size());
        assertEquals(0, store.activity().entries(Instant.now().plusSeconds(60), null, null, 10).size());
        assertEquals(List.of("artefact deleted", "auth key created"), store.activity().actions());
    }

    @Test
    void entriesOlderThanNinetyDaysArePruned() {
        Path file = dir.resolve("aged.sqlite");
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        try (FleetStore old = FleetStore.open(file, Clock.fixed(now.minus(Duration.ofDays(91)), ZoneOffset.UTC),
                FleetStore.DEFAULT_BUSY_TIMEOUT)) {
            old.activity().record("GUI", "device deleted", "ancient", "ok", null);
        }
        try (FleetStore recent = FleetStore.open(file, Clock.fixed(now, ZoneOffset.UTC), FleetStore.DEFAULT_BUSY_TIMEOUT)) {
            recent.activity().record("GUI", "device deleted", "fresh", "ok", null);
            assertEquals(1, recent.activity().prune());
            assertEquals(List.of("fresh"), recent.activity().entries(null, null, null, 10).stream()
                    .map(ActivityEntry::subject).toList());
        }
    }

    @Test
    void csvQuotesWhatNeedsQuoting() throws Exception {
        StringWriter out = new StringWriter();
        ActivityCsv.write(List.of(new ActivityEntry(1, Instant.parse("2026-01-02T03:04:05Z"), "GUI", "artefact deleted",
                "kiosk, v2", "failed (HTTP 422)", "He said \"no\"")), out);
        assertEquals(ActivityCsv.HEADER + "\r\n2026-01-02T03:04:05Z,GUI,artefact deleted,\"kiosk, v2\",failed (HTTP 422),"
                + "\"He said \"\"no\"\"\"\r\n", out.toString());
    }
}
