package org.fleetdesk.secrets;

import java.util.Optional;

/** Keeps the token of each profile, keyed by profile name. Implementations never log or print a token. */
public interface TokenStore {
    TokenStoreKind kind();

    void save(String profile, Secret token);

    /** The token saved for {@code profile}, or empty when there is none. */
    Optional<Secret> load(String profile);

    /** Forgets the token of {@code profile}; nothing happens when there is none. */
    void delete(String profile);

    /** Moves the token of {@code from} to {@code to}. */
    default void rename(String from, String to) {
        Optional<Secret> token = load(from);
        if (token.isPresent()) {
            save(to, token.get());
            token.get().destroy();
        }
        delete(from);
    }

    /** Where the tokens are kept, in words a person understands ("macOS Keychain", a file path, …). */
    String description();
}
