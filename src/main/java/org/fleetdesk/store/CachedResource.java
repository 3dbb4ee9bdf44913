package org.fleetdesk.store;

/** The organisation's resources the cache holds a complete copy of, each with its own last-sync stamp. */
public enum CachedResource {
    DEVICES("devices"), ARTEFACTS("artefacts"), AUTH_KEYS("auth_keys"), DEVICE_IDENTITIES("device_identities");

    private final String key;

    CachedResource(String key) {
        this.key = key;
    }

    /** The name in the {@code sync_state} table. */
    public String key() {
        return key;
    }
}
