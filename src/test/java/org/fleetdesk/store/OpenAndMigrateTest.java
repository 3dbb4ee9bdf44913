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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fleetdesk.query.TestFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAndMigrateTest {
    @TempDir
    Path dir;

    private static String pragma(Path file, String pragma) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static List<String> tables(Path file) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void createsTheFileWithTheLatestSchemaInWalMode() throws SQLException {
        Path file = dir.resolve("org/a/cache.sqlite");
        try (FleetStore store = FleetStore.open(file)) {
            assertEquals(file.toAbsolutePath(), store.file());
        }
        assertEquals(String.valueOf(Migrations.CACHE.latest()), pragma(file, "user_version"));
        assertEquals("wal", pragma(file, "journal_mode"));
        assertTrue(tables(file).containsAll(List.of("devices", "device_tags", "device_text", "deployments", "artefacts",
                "auth_keys", "device_identities", "sync_state")), tables(file)::toString);
        Path journal = file.resolveSibling("journal.sqlite");
        assertEquals(List.of("activity", "rollout_samples", "rollout_targets", "rollouts", "saved_searches"),
                tables(journal), "what a sync cannot rebuild lives in its own file, and only there");
        assertTrue(tables(file).stream().noneMatch(tables(journal)::contains), tables(file)::toString);
        assertEquals(String.valueOf(Migrations.JOURNAL.latest()), pragma(journal, "user_version"));
        assertEquals("wal", pragma(journal, "journal_mode"));
    }

    @Test
    void reopeningKeepsTheDataAndDoesNotMigrateAgain() {
        Path file = dir.resolve("cache.sqlite");
        try (FleetStore store = FleetStore.open(file)) {
            store.replaceDevices(TestFleet.generate(10, 1));
        }
        try (FleetStore store = FleetStore.open(file)) {
            assertEquals(10, store.index().size());
        }
    }

    @Test
    void foreignKeysAreEnforcedOnTheStoresConnections() {
        try (FleetStore store = FleetStore.open(dir.resolve("cache.sqlite"))) {
            store.replaceDevices(TestFleet.generate(3, 2));
            String id = store.index().devices().get(0).id();
            store.putDeployments(id, List.of(DeviceStoreTest.deployment("dep-1", id)));
            store.deleteDevice(id);
            assertEquals(List.of(), store.deployments(id));
        }
    }

    @Test
    void aCacheFromANewerFleetdeskIsRefusedWithAClearMessage() throws SQLException {
        Path file = dir.resolve("cache.sqlite");
        FleetStore.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        StoreException e = assertThrows(StoreException.class, () -> FleetStore.open(file));
        assertFalse(e instanceof StoreCorruptException);
        assertTrue(e.getMessage().matches("(?s).*written by a newer Fleetdesk \\(schema version 99; this one knows up to \\d+\\).*"),
                e.getMessage());
    }

    @Test
    void aFileThatIsNotSqliteIsReportedAsCorrupt() throws Exception {
        Path file = dir.resolve("cache.sqlite");
        Files.writeString(file, "this is not a database, just some text that is long enough to have a header".repeat(20));
        StoreCorruptException e = assertThrows(StoreCorruptException.class, () -> FleetStore.open(file));
        assertEquals(file.toAbsolutePath(), e.file());
        assertTrue(e.getMessage().startsWith("The local cache " + file.toAbsolutePath() + " is damaged"), e.getMessage());
        assertTrue(e.getMessage().contains("Move it aside and sync again"), e.getMessage());
    }

    @Test
    void randomBytesAreReportedAsCorrupt() throws Exception {
        Path file = dir.resolve("cache.sqlite");
        byte[] noise = new byte[64 * 1024];
        new Random(3).nextBytes(noise);
        Files.write(file, noise);
        assertThrows(StoreCorruptException.class, () -> FleetStore.open(file));
    }

    @Test
    void damagedPagesAreDetectedAtOpen() throws Exception {
        Path file = dir.resolve("cache.sqlite");
        try (FleetStore store = FleetStore.open(file)) {
            store.replaceDevices(TestFleet.generate(2000, 4));
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = "garbage!".repeat(2048).getBytes(StandardCharsets.US_ASCII);
            raf.seek(raf.length() / 2);
            raf.write(garbage);
        }
        assertThrows(StoreCorruptException.class, () -> FleetStore.open(file));
    }

    @Test
    void anotherProgramsSqliteDatabaseIsNotTakenOver() throws SQLException {
        Path file = dir.resolve("cache.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices(id INTEGER)");
        }
        StoreCorruptException e = assertThrows(StoreCorruptException.class, () -> FleetStore.open(file));
        assertTrue(e.getMessage().contains("an SQLite database of another program"), e.getMessage());
    }

    @Test
    void aLockHeldByAnotherProgramGivesALockedError() throws SQLException {
        Path file = dir.resolve("cache.sqlite");
        FleetStore.open(file).close();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = other.createStatement()) {
            s.execute("PRAGMA locking_mode = EXCLUSIVE");
            s.execute("BEGIN EXCLUSIVE");
            StoreLockedException e = assertThrows(StoreLockedException.class,
                    () -> FleetStore.open(file, Clock.systemUTC(), Duration.ofMillis(200)));
            assertTrue(e.getMessage().contains("is locked by another program"), e.getMessage());
            s.execute("ROLLBACK");
        }
    }

    @Test
    void aDamagedCacheCanBeMovedAsideAndRebuilt() throws Exception {
        Path file = dir.resolve("cache.sqlite");
        Files.writeString(file, "not a database".repeat(100));
        assertThrows(StoreCorruptException.class, () -> FleetStore.open(file));
        Clock clock = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);
        Path aside = StorePaths.moveAside(file, clock);
        assertEquals(dir.resolve("cache.sqlite.damaged-20250304-050607"), aside);
        assertTrue(Files.exists(aside));
        try (FleetStore store = FleetStore.open(file)) {
            assertEquals(0, store.index().size());
        }
    }
}
