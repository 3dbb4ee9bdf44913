package org.fleetdesk.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs against the real OS keychain when this machine has one. A headless Linux session has none; there, run
 * {@code dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets; mvn test'}.
 */
class KeychainTokenStoreTest {
    @TempDir
    Path home;

    @Test
    void roundTripsRenamesAndDeletesInTheOsKeychain() {
        TokenStores stores = new TokenStores(home, (profile, purpose) -> {
            throw new AssertionError("the keychain needs no passphrase");
        });
        TokenStores.KeychainStatus status = stores.keychainStatus();
        Assumptions.assumeTrue(status.available(), "No usable OS keychain in this session (" + status.description()
                + "); the keychain store is not exercised here");

        String name = "fleetdesk-test-" + UUID.randomUUID().toString().substring(0, 8);
        String renamed = name + "-renamed";
        String token = "rporg_keychain" + UUID.randomUUID().toString().replace("-", "");
        TokenStore keychain = stores.open(TokenStoreKind.KEYCHAIN);
        try {
            assertTrue(keychain.load(name).isEmpty());
            keychain.save(name, Secret.of(token));
            assertEquals(token, keychain.load(name).orElseThrow().reveal());
            keychain.save(name, Secret.of(token + "2"));
            assertEquals(token + "2", keychain.load(name).orElseThrow().reveal(), "saving again replaces the entry");
            keychain.rename(name, renamed);
            assertTrue(keychain.load(name).isEmpty());
            assertEquals(token + "2", keychain.load(renamed).orElseThrow().reveal());
            keychain.delete(renamed);
            assertTrue(keychain.load(renamed).isEmpty());
            keychain.delete(renamed);
        } finally {
            keychain.delete(name);
            keychain.delete(renamed);
        }
    }
}
