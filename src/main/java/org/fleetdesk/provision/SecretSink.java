package org.fleetdesk.provision;

import java.io.IOException;
import org.fleetdesk.api.AuthKey;

/**
 * Where each new key's secret goes the moment it is created (e.g. {@link KeyFiles}). If saving fails, the key is
 * deleted again, since a key whose secret is lost is of no use.
 */
@FunctionalInterface
public interface SecretSink {
    void save(String name, AuthKey key) throws IOException;
}
