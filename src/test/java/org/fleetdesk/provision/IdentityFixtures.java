package org.fleetdesk.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fleetdesk.api.TestKeys;

/** Device key pairs written as a provisioning folder: {@code <name>.pem} public keys, {@code <name>.key.pem} private. */
final class IdentityFixtures {
    private IdentityFixtures() {
    }

    static Map<String, KeyPair> writeFolder(Path folder, String pattern) throws IOException {
        Files.createDirectories(folder);
        Map<String, KeyPair> pairs = new LinkedHashMap<>();
        for (String name : NamePattern.expand(pattern)) {
            KeyPair pair = TestKeys.p256();
            Files.writeString(folder.resolve(name + ".pem"), TestKeys.pem(pair.getPublic()));
            Files.writeString(folder.resolve(name + ".key.pem"), TestKeys.pem(pair));
            pairs.put(name, pair);
        }
        return pairs;
    }
}
