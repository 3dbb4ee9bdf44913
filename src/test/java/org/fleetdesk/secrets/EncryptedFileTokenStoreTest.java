package org.fleetdesk.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.fleetdesk.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileTokenStoreTest {
    private static final String TOKEN = "rporg_Z3xq9KfW2mN7pL4vB8tR1cY6";

    @TempDir
    Path home;

    private EncryptedFileTokenStore store(String passphrase) {
        return new EncryptedFileTokenStore(home, (profile, purpose) -> passphrase.toCharArray());
    }

    @Test
    void roundTripsWithTheRightPassphrase() {
        store("correct horse battery").save("acme", Secret.of(TOKEN));
        Optional<Secret> loaded = store("correct horse battery").load("acme");
        assertEquals(TOKEN, loaded.orElseThrow().reveal());
    }

    @Test
    void refusesAWrongPassphraseWithoutRevealingAnything() {
        store("correct horse battery").save("acme", Secret.of(TOKEN));
        WrongPassphraseException e = assertThrows(WrongPassphraseException.class, () -> store("incorrect horse").load("acme"));
        assertTrue(e.getMessage().contains("acme") && e.getMessage().contains("passphrase"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN) || e.getMessage().contains("incorrect horse"), e.getMessage());
    }

    @Test
    void fileHoldsNeitherTheTokenNorAnEncodingOfIt() throws Exception {
        store("correct horse battery").save("acme", Secret.of(TOKEN));
        byte[] file = Files.readAllBytes(home.resolve("secrets/acme.token"));
        String asText = new String(file, StandardCharsets.ISO_8859_1);
        assertFalse(TokenScan.foundIn(asText, TOKEN), "the token (or an encoding of it) is in the file");
        assertFalse(asText.contains("correct horse"));
    }

    @Test
    void fileIsPrivateToItsOwner() throws Exception {
        store("correct horse battery").save("acme", Secret.of(TOKEN));
        Path file = home.resolve("secrets/acme.token");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (var leftovers = Files.list(file.getParent())) {
            assertEquals(1, leftovers.count(), "no temporary file is left beside the token file");
        }
    }

    @Test
    void everySaveUsesFreshSaltAndNonce() throws Exception {
        EncryptedFileTokenStore store = store("correct horse battery");
        store.save("acme", Secret.of(TOKEN));
        byte[] first = Files.readAllBytes(store.fileFor("acme"));
        store.save("acme", Secret.of(TOKEN));
        byte[] second = Files.readAllBytes(store.fileFor("acme"));
        assertFalse(java.util.Arrays.equals(first, second));
        assertEquals(TOKEN, store.load("acme").orElseThrow().reveal());
    }

    @Test
    void detectsAlteredFiles() throws Exception {
        EncryptedFileTokenStore store = store("correct horse battery");
        store.save("acme", Secret.of(TOKEN));
        Path file = store.fileFor("acme");
        byte[] content = Files.readAllBytes(file);
        content[content.length - 1] ^= 1;
        Files.write(file, content);
        assertThrows(WrongPassphraseException.class, () -> store.load("acme"));

        Files.writeString(file, "not a token file");
        TokenStoreException damaged = assertThrows(TokenStoreException.class, () -> store.load("acme"));
        assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());
    }

    @Test
    void refusesAShortPassphraseAndSavesNothing() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> store("short").save("acme", Secret.of(TOKEN)));
        assertTrue(e.getMessage().contains("at least 8"), e.getMessage());
        assertFalse(Files.exists(home.resolve("secrets/acme.token")));
    }

    @Test
    void missingDeletedAndRenamedTokensNeedNoPassphrase() {
        EncryptedFileTokenStore locked = new EncryptedFileTokenStore(home, (profile, purpose) -> {
            throw new AssertionError("no passphrase should be asked for");
        });
        assertTrue(locked.load("nobody").isEmpty());
        store("correct horse battery").save("acme", Secret.of(TOKEN));
        locked.rename("acme", "acme2");
        assertEquals(TOKEN, store("correct horse battery").load("acme2").orElseThrow().reveal());
        locked.delete("acme2");
        assertFalse(Files.exists(home.resolve("secrets/acme2.token")));
        locked.delete("acme2");
    }

    @Test
    void refusesAProfileNameThatWouldEscapeTheFolder() {
        assertThrows(InvalidInputException.class, () -> store("correct horse battery").save("../evil", Secret.of(TOKEN)));
    }
}
