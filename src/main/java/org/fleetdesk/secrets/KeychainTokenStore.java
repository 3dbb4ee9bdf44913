package org.fleetdesk.secrets;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps tokens in the operating system's credential store (macOS Keychain, Windows Credential Manager, the Secret
 * Service on Linux) under service {@value #SERVICE}, one entry per profile name. Every call is time-boxed: a
 * keychain waiting for an unlock dialog nobody sees must not hang the application.
 */
public final class KeychainTokenStore implements TokenStore {
    public static final String SERVICE = "Fleetdesk";
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    /** Starts with a dot, which no profile name can, so the probe never touches a real entry. */
    private static final String PROBE_ACCOUNT = ".fleetdesk-probe";
    /** How java-keyring's backends say that there is no such entry (it has no dedicated exception for it). */
    private static final List<String> NOT_STORED = List.of("No stored credentials", "No password to delete");

    private final Keyring keyring;
    private final ExecutorService worker;

    private KeychainTokenStore(Keyring keyring, ExecutorService worker) {
        this.keyring = keyring;
        this.worker = worker;
    }

    /**
     * Connects to the OS keychain and checks that it can store, read and delete an entry.
     *
     * @throws BackendNotSupportedException when there is no usable keychain (a headless Linux session has none)
     */
    static KeychainTokenStore open() throws BackendNotSupportedException {
        Keyring keyring = Keyring.create();
        KeychainTokenStore store = new KeychainTokenStore(keyring, Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fleetdesk-keychain");
            thread.setDaemon(true);
            return thread;
        }));
        String probe = UUID.randomUUID().toString();
        try {
            keyring.setPassword(SERVICE, PROBE_ACCOUNT, probe);
            boolean readBack = probe.equals(keyring.getPassword(SERVICE, PROBE_ACCOUNT));
            keyring.deletePassword(SERVICE, PROBE_ACCOUNT);
            if (!readBack) {
                throw new UnusableKeychainException("the " + store.description() + " returned something else than what"
                        + " was stored", null);
            }
        } catch (PasswordAccessException | RuntimeException e) {
            throw new UnusableKeychainException("the " + store.description() + " is present but refuses to store"
                    + " entries (it may be locked)", e);
        }
        return store;
    }

    /** The keychain exists but failed the store-read-delete check; the message is a complete reason. */
    static final class UnusableKeychainException extends BackendNotSupportedException {
        UnusableKeychainException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    @Override
    public TokenStoreKind kind() {
        return TokenStoreKind.KEYCHAIN;
    }

    @Override
    public void save(String profile, Secret token) {
        call("store the token of profile '" + profile + "' in", () -> {
            keyring.setPassword(SERVICE, profile, token.reveal());
            return null;
        });
    }

    @Override
    public Optional<Secret> load(String profile) {
        return call("read the token of profile '" + profile + "' from", () -> {
            try {
                return Optional.of(Secret.of(keyring.getPassword(SERVICE, profile)));
            } catch (PasswordAccessException e) {
                if (isNotStored(e)) {
                    return Optional.<Secret>empty();
                }
                throw e;
            }
        });
    }

    @Override
    public void delete(String profile) {
        call("delete the token of profile '" + profile + "' from", () -> {
            try {
                keyring.deletePassword(SERVICE, profile);
            } catch (PasswordAccessException e) {
                if (!isNotStored(e)) {
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public String description() {
        return label(keyring.getKeyringStorageType());
    }

    /** The name people know the credential store of this kind by. */
    static String label(KeyringStorageType type) {
        return switch (type) {
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
            case GNOME_KEYRING -> "Secret Service keyring";
            case KWALLET -> "KDE Wallet";
        };
    }

    private static boolean isNotStored(PasswordAccessException e) {
        String message = e.getMessage();
        return message != null && NOT_STORED.stream().anyMatch(message::startsWith);
    }

    private <T> T call(String action, Callable<T> operation) {
        Future<T> result = worker.submit(operation);
        try {
            return result.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new TokenStoreException("Could not " + action + " the " + description() + ": it did not answer within "
                    + CALL_TIMEOUT.toSeconds() + " s (it may be waiting to be unlocked). Unlock it and try again.", e);
        } catch (ExecutionException e) {
            throw new TokenStoreException("Could not " + action + " the " + description() + " (it may be locked or"
                    + " refuse access): unlock it and try again, or keep the token in an encrypted file instead.", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenStoreException("Interrupted while trying to " + action + " the " + description() + ".", e);
        }
    }
}
