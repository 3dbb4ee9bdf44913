package org.fleetdesk.secrets;

import com.github.javakeyring.BackendNotSupportedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.fleetdesk.api.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses among the token stores: finds out (once, time-boxed) whether the OS keychain works here, tells the UI and
 * the CLI which stores they can offer, and opens the store a profile uses. There is one session store per instance,
 * so a token kept "for this session" lives as long as this object.
 */
public final class TokenStores {
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(TokenStores.class);

    /** Whether the OS keychain can be used, and its name or the reason it cannot. */
    public record KeychainStatus(boolean available, String description) {
    }

    private final Path home;
    private final PassphrasePrompt prompt;
    private final Callable<? extends TokenStore> keychainOpener;
    private final Duration probeTimeout;
    private final SessionTokenStore session = new SessionTokenStore();
    private KeychainStatus keychainStatus;
    private TokenStore keychain;

    public TokenStores(Path home, PassphrasePrompt prompt) {
        this(home, prompt, KeychainTokenStore::open, PROBE_TIMEOUT);
    }

    TokenStores(Path home, PassphrasePrompt prompt, Callable<? extends TokenStore> keychainOpener, Duration probeTimeout) {
        this.home = home;
        this.prompt = prompt;
        this.keychainOpener = keychainOpener;
        this.probeTimeout = probeTimeout;
    }

    /** Probes the keychain on first call (up to {@link #PROBE_TIMEOUT}); later calls answer at once. */
    public synchronized KeychainStatus keychainStatus() {
        if (keychainStatus == null) {
            keychainStatus = probeKeychain();
            LOG.info("OS keychain {}: {}", keychainStatus.available() ? "available" : "not available", keychainStatus.description());
        }
        return keychainStatus;
    }

    /** The stores that can be offered here, best first: keychain (when it works), encrypted file, session. */
    public List<TokenStoreKind> available() {
        List<TokenStoreKind> kinds = new ArrayList<>();
        if (keychainStatus().available()) {
            kinds.add(TokenStoreKind.KEYCHAIN);
        }
        kinds.add(TokenStoreKind.FILE);
        kinds.add(TokenStoreKind.SESSION);
        return kinds;
    }

    /** The store to suggest: the keychain when it works, else the encrypted file. */
    public TokenStoreKind recommended() {
        return available().get(0);
    }

    public TokenStore open(TokenStoreKind kind) {
        return switch (kind) {
            case KEYCHAIN -> {
                KeychainStatus status = keychainStatus();
                if (!status.available()) {
                    throw new InvalidInputException("The OS keychain can't be used here: " + status.description()
                            + ". Keep the token in an encrypted file (--store file) or for this session only (--store session).");
                }
                yield keychain;
            }
            case FILE -> new EncryptedFileTokenStore(home, prompt);
            case SESSION -> session;
        };
    }

    /** Where a profile's token is, for listings; never opens a store or asks for anything. */
    public String location(Profile profile) {
        return switch (profile.tokenStore()) {
            case KEYCHAIN -> "OS keychain (" + platformKeychainName() + ", service " + KeychainTokenStore.SERVICE + ")";
            case FILE -> "encrypted file " + new EncryptedFileTokenStore(home, prompt).fileFor(profile.name());
            case SESSION -> "this session only (not saved)";
        };
    }

    private KeychainStatus probeKeychain() {
        FutureTask<TokenStore> probe = new FutureTask<>(keychainOpener::call);
        Thread thread = new Thread(probe, "fleetdesk-keychain-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            keychain = probe.get(probeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new KeychainStatus(true, keychain.description());
        } catch (TimeoutException e) {
            probe.cancel(true);
            return new KeychainStatus(false, "the " + platformKeychainName() + " did not answer within "
                    + probeTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new KeychainStatus(false, reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new KeychainStatus(false, "the check of the " + platformKeychainName() + " was interrupted");
        }
    }

    private static String reason(Throwable failure) {
        if (failure instanceof KeychainTokenStore.UnusableKeychainException) {
            return failure.getMessage();
        }
        if (failure instanceof BackendNotSupportedException && isLinux()) {
            return "no Secret Service keyring is running in this session (install and unlock GNOME Keyring or KWallet"
                    + " to use it)";
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return "the " + platformKeychainName() + " is not usable (" + message + ")";
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    static String platformKeychainName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "macOS Keychain";
        }
        if (os.contains("win")) {
            return "Windows Credential Manager";
        }
        return "Secret Service keyring";
    }
}
