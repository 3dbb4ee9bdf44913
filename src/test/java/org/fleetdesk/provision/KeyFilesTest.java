package org.fleetdesk.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
    private static final String SECRET = "rpoak_0123456789abcdefghijABCDEFGHIJ";

    @TempDir
    Path dir;

    @Test
    void aKeyFileHoldsTheSecretAndANewlineAndIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(KeyFiles.ownerOnlySupported(dir), "POSIX permissions");
        Path file = new KeyFiles(dir.resolve("keys"), KeyFiles.ExistingFiles.REFUSE).write("pi5-001", SECRET);
        assertEquals(dir.resolve("keys/pi5-001.key"), file);
        assertEquals(SECRET + "\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys"))));
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Files.writeString(dir.resolve("pi5-001.key"), "old\n");
        KeyFiles refuse = new KeyFiles(dir, KeyFiles.ExistingFiles.REFUSE);
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> refuse.write("pi5-001", SECRET));
        assertTrue(e.getMessage().contains("pi5-001.key already exists: Fleetdesk never overwrites a key file"),
                e.getMessage());
        assertEquals("old\n", Files.readString(dir.resolve("pi5-001.key")));

        KeyFiles number = new KeyFiles(dir, KeyFiles.ExistingFiles.ADD_NUMBER);
        assertEquals(dir.resolve("pi5-001 (2).key"), number.write("pi5-001", SECRET));
        assertEquals(dir.resolve("pi5-001 (3).key"), number.write("pi5-001", SECRET));
        assertEquals("old\n", Files.readString(dir.resolve("pi5-001.key")));
    }

    @Test
    void prepareRefusesABatchThatWouldMeetExistingFiles() throws Exception {
        Files.writeString(dir.resolve("pi5-002.key"), "old\n");
        KeyFiles files = new KeyFiles(dir, KeyFiles.ExistingFiles.REFUSE);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> files.prepare(List.of("pi5-001", "pi5-002")));
        assertTrue(e.getMessage().startsWith("1 key file already exist in "), e.getMessage());
        assertTrue(e.getMessage().contains("(pi5-002.key)"), e.getMessage());
        new KeyFiles(dir, KeyFiles.ExistingFiles.ADD_NUMBER).prepare(List.of("pi5-001", "pi5-002"));
    }

    @Test
    void oneCsvForAllKeys() throws Exception {
        Instant expires = Instant.parse("2026-01-02T03:04:05Z");
        List<AuthKey> keys = List.of(new AuthKey("id-1", "pi5-001", "pi5-001", List.of(), SECRET, expires, null, null),
                new AuthKey("id-2", "shop, 2", null, List.of(), SECRET + "2", expires, null, null));
        Path file = KeyFiles.writeCsv(dir.resolve("keys.csv"), keys, KeyFiles.ExistingFiles.REFUSE);
        assertEquals("name,secret,id,expires_at\npi5-001," + SECRET + ",id-1,2026-01-02T03:04:05Z\n\"shop, 2\","
                + SECRET + "2,id-2,2026-01-02T03:04:05Z\n", Files.readString(file));
        assertThrows(FileAlreadyExistsException.class,
                () -> KeyFiles.writeCsv(file, keys, KeyFiles.ExistingFiles.REFUSE));
        assertEquals(dir.resolve("keys (2).csv"), KeyFiles.writeCsv(file, keys, KeyFiles.ExistingFiles.ADD_NUMBER));
    }
}
