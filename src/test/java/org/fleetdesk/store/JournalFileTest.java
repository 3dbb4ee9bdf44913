package org.fleetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.query.TestFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal file beside the cache: upgrade from a cache that held the journal, and recovery of either file. */
class JournalFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path cache() {
        return dir.resolve("cache.sqlite");
    }

    private Path journal() {
        return dir.resolve("journal.sqlite");
    }

    /** A cache as Fleetdesk wrote it before the journal had its own file (schema version 2), with journal rows. */
    private void writeVersion2Cache(int activityRows) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cache()); Statement s = c.createStatement()) {
            for (String script : List.of("V1__initial.sql", "V2__rollout_journal.sql")) {
                for (String sql : Migrations.CACHE.statements(script)) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version = 2");
            c.setAutoCommit(false);
            s.execute("INSERT INTO rollouts(id, name, artefact_id, artefact_name, query, from_query, targets_description,"
                    + " plan_json, state, created_at, updated_at, owner) VALUES ('r1', 'kiosk update', 'a1', 'kiosk-v2',"
                    + " 'tag:kiosk', 1, 'tag:kiosk', '{}', 'running', 1, 2, '2147483646@1')");
            s.execute("INSERT INTO rollout_targets(rollout_id, device_id, wave, status, attempts, updated_at, position,"
                    + " device_name, deployment_id) VALUES ('r1', 'd1', 0, 'succeeded', 1, 3, 0, 'pi-1', 'dep-1'),"
                    + " ('r1', 'd2', 1, 'sending', 1, 3, 1, 'pi-2', NULL), ('r1', 'd3', 1, 'waiting', 0, 3, 2, 'pi-3', NULL)");
            s.execute("INSERT INTO rollout_samples(rollout_id, at, counts_json) VALUES ('r1', 5, '{\"waiting\":2}')");
            s.execute("INSERT INTO saved_searches(name, query, updated_at) VALUES ('kiosks', 'tag:kiosk', 4)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO activity(ts, source, action, subject, outcome,"
                    + " message) VALUES (?, 'CLI', 'deployment created', ?, 'succeeded', ?)")) {
                for (int i = 0; i < activityRows; i++) {
                    ps.setLong(1, 10 + i);
                    ps.setString(2, "device pi-" + i);
                    ps.setString(3, "entry " + i + " " + "x".repeat(200));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    private static List<String> column(FleetStore store, String sql) {
        return store.journal().read(c -> {
            List<String> values = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }

    private static List<String> cacheTables(Path file) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Overwrites 16 KB in the middle of the file: pages there no longer parse. */
    private static void damageMiddle(Path file) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            raf.write("garbage!".repeat(2048).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private List<Path> damagedCopies(String name) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(name + ".damaged-")
                    && !f.getFileName().toString().endsWith("-wal") && !f.getFileName().toString().endsWith("-shm"))
                    .toList();
        }
    }

    @Test
    void anUpgradeMovesTheJournalRowsOutOfAVersion2CacheAndLosesNone() throws Exception {
        writeVersion2Cache(30);

        try (FleetStore store = FleetStore.open(cache())) {
            assertEquals(List.of("d1:succeeded:dep-1", "d2:sending:", "d3:waiting:"), column(store,
                    "SELECT device_id || ':' || status || ':' || coalesce(deployment_id, '') FROM rollout_targets"
                            + " ORDER BY position"));
            assertEquals(List.of("{\"waiting\":2}"), column(store, "SELECT counts_json FROM rollout_samples"));
            assertEquals(30, store.activity().entries(null, null, null, 100).size());
            assertEquals(QueryParser.parse("tag:kiosk"), store.savedSearches().get(0).query());
            assertEquals(List.of("running:2147483646@1:kiosk-v2:tag:kiosk"), column(store,
                    "SELECT state || ':' || owner || ':' || artefact_name || ':' || targets_description FROM rollouts"));
        }
        List<String> tables = cacheTables(cache());
        for (String moved : List.of("rollouts", "rollout_targets", "rollout_samples", "activity", "saved_searches")) {
            assertFalse(tables.contains(moved), moved + " left the cache: " + tables);
        }
        try (FleetStore again = FleetStore.open(cache())) {
            assertEquals(3, column(again, "SELECT device_id FROM rollout_targets").size(), "reopening copies nothing twice");
            assertEquals(30, again.activity().entries(null, null, null, 100).size());
        }
    }

    @Test
    void aDamagedCacheIsRebuiltWhileTheJournalFileIsNotTouched() throws Exception {
        try (FleetStore store = FleetStore.open(cache())) {
            store.replaceDevices(TestFleet.generate(2000, 4));
            store.journal().write(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO rollouts(id, name, artefact_id, query, plan_json, state,"
                            + " created_at, updated_at) VALUES ('r1', 'update', 'a1', '', '{}', 'running', 1, 1)");
                }
            });
            store.activity().record("CLI", "rollout started", "update", "succeeded", null);
        }
        damageMiddle(cache());
        assertThrows(StoreCorruptException.class, () -> FleetStore.open(cache()));

        try (FleetStore store = FleetStore.openRecovering(cache(), CLOCK, FleetStore.DEFAULT_BUSY_TIMEOUT)) {
            assertEquals(0, store.index().size(), "a new, empty cache for the next sync to fill");
            assertEquals(List.of("r1"), column(store, "SELECT id FROM rollouts"));
            assertEquals(1, store.activity().entries(null, null, null, 10).size());
            assertEquals(1, store.recoveryMessages().size());
            String message = store.recoveryMessages().get(0);
            assertTrue(message.startsWith("The local cache " + cache().toAbsolutePath() + " was damaged, so it was moved"
                    + " to " + dir.resolve("cache.sqlite.damaged-20260304-050607").toAbsolutePath()), message);
            assertTrue(message.contains("a sync rebuilds it from the organisation"), message);
            assertTrue(message.contains("Rollouts, the activity log and saved searches are kept in their own file, "
                    + journal().toAbsolutePath() + ", and are safe."), message);
        }
        assertTrue(Files.exists(dir.resolve("cache.sqlite.damaged-20260304-050607")), "the damaged cache is kept");
        assertEquals(List.of(), damagedCopies("journal.sqlite"), "the journal file stays where it is");
        try (FleetStore store = FleetStore.openRecovering(cache())) {
            assertEquals(List.of(), store.recoveryMessages(), "nothing to repair any more");
        }
    }

    @Test
    void aDamagedVersion2CacheHasItsJournalRowsRecoveredBeforeItIsMovedAside() throws Exception {
        writeVersion2Cache(3000);
        damageMiddle(cache());

        try (FleetStore store = FleetStore.openRecovering(cache(), CLOCK, FleetStore.DEFAULT_BUSY_TIMEOUT)) {
            assertEquals(List.of("d1", "d2", "d3"), column(store, "SELECT device_id FROM rollout_targets ORDER BY position"),
                    "the unfinished rollout survives");
            int activity = store.activity().entries(null, null, null, 5000).size();
            assertTrue(activity > 2000 && activity <= 3000, "most activity entries read around the damage: " + activity);
            String message = store.recoveryMessages().get(0);
            assertTrue(message.contains("this older cache still held some, and 1 rollout (3 targets), "), message);
            assertTrue(message.contains("were recovered from it into that file"), message);
        }
        assertEquals(1, damagedCopies("cache.sqlite").size());
    }

    @Test
    void aDamagedJournalIsRefusedByOpenWithAMessageThatSaysWhatItHolds() throws Exception {
        FleetStore.open(cache()).close();
        Files.writeString(journal(), "not a database at all ".repeat(100));

        JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> FleetStore.open(cache()));
        assertTrue(e.getMessage().startsWith("The journal " + journal().toAbsolutePath() + " (rollouts, activity log,"
                + " saved searches) is damaged"), e.getMessage());
        assertTrue(Files.exists(journal()), "open never moves or deletes a journal");
    }

    @Test
    void aDamagedJournalIsMovedAsideLoudlyAndWhatCanBeReadIsRecovered() throws Exception {
        try (FleetStore store = FleetStore.open(cache())) {
            store.replaceDevices(TestFleet.generate(50, 2));
            store.saveSearch("kiosks", QueryParser.parse("tag:kiosk"));
            store.journal().write(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO rollouts(id, name, artefact_id, query, plan_json, state, created_at,"
                            + " updated_at) VALUES ('r1', 'update', 'a1', '', '{}', 'running', 1, 1)");
                    s.executeUpdate("INSERT INTO rollout_targets(rollout_id, device_id, wave, status, updated_at)"
                            + " VALUES ('r1', 'd1', 0, 'sending', 1), ('r1', 'd2', 0, 'waiting', 1)");
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO activity(ts, source, action, subject,"
                            + " outcome, message) VALUES (?, 'GUI', 'device deleted', 'pi', 'succeeded', ?)")) {
                        for (int i = 0; i < 3000; i++) {
                            ps.setLong(1, i);
                            ps.setString(2, "x".repeat(200));
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                return null;
            });
        }
        damageMiddle(journal());

        try (FleetStore store = FleetStore.openRecovering(cache(), CLOCK, FleetStore.DEFAULT_BUSY_TIMEOUT)) {
            assertEquals(50, store.index().size(), "the cache is not touched");
            assertEquals(List.of("d1", "d2"), column(store, "SELECT device_id FROM rollout_targets ORDER BY device_id"));
            assertEquals(1, store.savedSearches().size());
            assertTrue(store.activity().entries(null, null, null, 5000).size() > 2000);
            assertEquals(1, store.recoveryMessages().size());
            String message = store.recoveryMessages().get(0);
            Path aside = dir.resolve("journal.sqlite.damaged-20260304-050607").toAbsolutePath();
            assertTrue(message.startsWith("The journal " + journal().toAbsolutePath() + " (rollouts, activity log, saved"
                    + " searches) was damaged. It was moved to " + aside + " and a new journal was started with what"
                    + " could still be read from it: 1 rollout (2 targets), "), message);
            assertTrue(Files.exists(aside), "the damaged journal is kept, never deleted");
        }
    }

    @Test
    void aJournalWithNothingReadableIsStillKeptAndTheLossIsSaid() throws Exception {
        FleetStore.open(cache()).close();
        Files.writeString(journal(), "not a database at all ".repeat(100));

        try (FleetStore store = FleetStore.openRecovering(cache(), CLOCK, FleetStore.DEFAULT_BUSY_TIMEOUT)) {
            String message = store.recoveryMessages().get(0);
            assertTrue(message.contains("what could still be read from it: nothing. Some of its rows could not be read;"
                    + " the damaged file is kept for inspection, and the deployments of a rollout that is missing still"
                    + " exist in the organisation"), message);
            assertEquals(List.of(), column(store, "SELECT id FROM rollouts"));
        }
        assertEquals(List.of(dir.resolve("journal.sqlite.damaged-20260304-050607")), damagedCopies("journal.sqlite"));
        assertEquals("not a database at all ".repeat(100),
                Files.readString(dir.resolve("journal.sqlite.damaged-20260304-050607")));
    }

    @Test
    void twoCachesInOneFolderHaveTwoJournals() {
        assertEquals(dir.resolve("journal.sqlite"), StorePaths.journalFile(dir.resolve("cache.sqlite")));
        assertEquals(dir.resolve("other.journal.sqlite"), StorePaths.journalFile(dir.resolve("other.sqlite")));
        assertEquals(dir.resolve("cache.journal.sqlite"), StorePaths.journalFile(dir.resolve("cache.db")));
    }
}
