package org.fleetdesk.provision;

import java.util.ArrayList;
import java.util.List;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.InvalidInputException;

/**
 * The digests that devices sign when the signatures are made on the devices: for each identity, the SHA-256 of the
 * exact request that {@link BulkIdentities} will send with the same connection. Only digests leave the workstation,
 * never the token.
 */
public final class IdentityDigests {
    public record Digest(String name, String sha256Hex) {
    }

    private IdentityDigests() {
    }

    public static List<Digest> of(ConnectClient client, List<IdentityEntry> entries) {
        ImportProblems problems = new ImportProblems("The identities");
        List<Digest> digests = new ArrayList<>();
        for (IdentityEntry entry : entries) {
            try {
                digests.add(new Digest(entry.name(), client.prepareDeviceIdentity(entry.identity()).payloadSha256Hex()));
            } catch (InvalidInputException e) {
                problems.add(entry.name() + ": " + e.getMessage());
            }
        }
        problems.throwIfAny();
        return digests;
    }

    /** The digests as CSV {@code name,sha256}: what the devices sign, and the names the signatures file uses. */
    public static String toCsv(List<Digest> digests) {
        StringBuilder csv = new StringBuilder("name,sha256\n");
        digests.forEach(d -> csv.append(Csv.quote(d.name())).append(',').append(d.sha256Hex()).append('\n'));
        return csv.toString();
    }
}
