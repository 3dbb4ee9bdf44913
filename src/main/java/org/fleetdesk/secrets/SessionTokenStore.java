package org.fleetdesk.secrets;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps tokens in memory for as long as this process runs; nothing reaches the disk. */
public final class SessionTokenStore implements TokenStore {
    private final Map<String, Secret> tokens = new ConcurrentHashMap<>();

    @Override
    public TokenStoreKind kind() {
        return TokenStoreKind.SESSION;
    }

    @Override
    public void save(String profile, Secret token) {
        Secret previous = tokens.put(profile, token.copy());
        if (previous != null) {
            previous.destroy();
        }
    }

    @Override
    public Optional<Secret> load(String profile) {
        Secret token = tokens.get(profile);
        return token == null ? Optional.empty() : Optional.of(token.copy());
    }

    @Override
    public void delete(String profile) {
        Secret removed = tokens.remove(profile);
        if (removed != null) {
            removed.destroy();
        }
    }

    @Override
    public String description() {
        return "memory, for this session only";
    }
}
