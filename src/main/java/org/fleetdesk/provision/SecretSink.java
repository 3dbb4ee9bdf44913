package org.fleetdesk.provision;

import java.io.IOException;
import java.util.Set;
import org.fleetdesk.api.AuthKey;

/**
 * Where each new key's secret goes the moment it is created (e.g. {@link KeyFiles}). If saving fails, the key is
 * deleted again, since a key whose secret is lost is of no use.
 */
@FunctionalInterface
public interface SecretSink {
    void save(String name, AuthKey key) throws IOException;

    /**
     * Called just before the key for {@code name} is requested; {@code existingIds} are the keys already described
     * {@code name}. A sink that outlives the process records this, so that the next run can delete a key made by a
     * run killed before {@link #save} (see {@link KeyFiles#interrupted}).
     */
    default void creating(String name, Set<String> existingIds) throws IOException {
    }
}
