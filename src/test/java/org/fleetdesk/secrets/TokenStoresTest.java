package org.fleetdesk.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javakeyring.BackendNotSupportedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.fleetdesk.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoresTest {
    @TempDir
    Path home;

    private TokenStores stores(java.util.concurrent.Callable<TokenStore> keychain, Duration timeout) {
        return new TokenStores(home, (profile, purpose) -> "a long enough passphrase".toCharArray(), keychain, timeout);
    }

    @Test
    void withoutAKeychainOffersFileAndSession() {
        TokenStores stores = stores(() -> {
            throw new BackendNotSupportedException("No available keyring backend found");
        }, Duration.ofSeconds(5));
        assertFalse(stores.keychainStatus().available());
        assertEquals(List.of(TokenStoreKind.FILE, TokenStoreKind.SESSION), stores.available());
        assertEquals(TokenStoreKind.FILE, stores.recommended());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> stores.open(TokenStoreKind.KEYCHAIN));
        assertTrue(e.getMessage().contains("--store file"), e.getMessage());
    }

    @Test
    void aKeychainThatDoesNotAnswerCountsAsMissing() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        TokenStores stores = stores(() -> {
            never.await();
            throw new AssertionError("unreachable");
        }, Duration.ofMillis(200));
        TokenStores.KeychainStatus status = stores.keychainStatus();
        assertFalse(status.available());
        assertTrue(status.description().contains("did not answer"), status.description());
        never.countDown();
    }

    @Test
    void aWorkingKeychainIsRecommendedAndProbedOnce() {
        SessionTokenStore fakeKeychain = new SessionTokenStore();
        int[] probes = {0};
        TokenStores stores = stores(() -> {
            probes[0]++;
            return fakeKeychain;
        }, Duration.ofSeconds(5));
        assertEquals(TokenStoreKind.KEYCHAIN, stores.recommended());
        assertSame(fakeKeychain, stores.open(TokenStoreKind.KEYCHAIN));
        stores.available();
        assertEquals(1, probes[0]);
    }

    @Test
    void sessionStoreLivesAsLongAsItsTokenStores() {
        TokenStores stores = stores(() -> null, Duration.ofSeconds(5));
        stores.open(TokenStoreKind.SESSION).save("acme", Secret.of("rporg_x"));
        assertEquals("rporg_x", stores.open(TokenStoreKind.SESSION).load("acme").orElseThrow().reveal());
        TokenStores next = stores(() -> null, Duration.ofSeconds(5));
        assertTrue(next.open(TokenStoreKind.SESSION).load("acme").isEmpty());
    }

    @Test
    void locationNamesTheStoreWithoutOpeningIt() {
        TokenStores stores = stores(() -> {
            throw new AssertionError("listing must not probe the keychain");
        }, Duration.ofSeconds(5));
        assertTrue(stores.location(new Profile("acme", Profile.DEFAULT_API_URL, TokenStoreKind.KEYCHAIN)).startsWith("OS keychain"));
        assertTrue(stores.location(new Profile("acme", Profile.DEFAULT_API_URL, TokenStoreKind.FILE)).endsWith("acme.token"));
        assertTrue(stores.location(new Profile("acme", Profile.DEFAULT_API_URL, TokenStoreKind.SESSION)).contains("session"));
    }
}
