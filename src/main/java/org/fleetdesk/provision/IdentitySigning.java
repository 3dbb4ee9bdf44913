package org.fleetdesk.provision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fleetdesk.api.IdentityRequest;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.LocalKeySigner;

/**
 * Where the signature of each identity of a bulk registration comes from: the device's private key on this workstation
 * ({@link #privateKeys}), or signatures made on the devices over the digests of {@link IdentityDigests}
 * ({@link #signatures}). Implementations throw {@link InvalidInputException} when a name has no key or signature;
 * that name fails and the others go on.
 */
@FunctionalInterface
public interface IdentitySigning {
    /** The Base64 DER signature of {@code request}, for the identity called {@code name}. */
    String signatureFor(String name, IdentityRequest request);

    /**
     * Signs with {@code <folder>/<name>.key.pem} (EC P-256, PEM), read for each request and kept in memory only while
     * signing. The folder may be the one that holds the public keys.
     */
    static IdentitySigning privateKeys(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder + " is not a folder: give the folder that holds the <name>.key.pem"
                    + " private keys.");
        }
        return (name, request) -> {
            Path file = folder.resolve(name + IdentitySources.PRIVATE_KEY_SUFFIX);
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("No private key for " + name + ": expected " + file.getFileName()
                        + " in " + folder + ".");
            }
            return LocalKeySigner.fromPem(SmallFiles.read(file, "Private key")).sign(request);
        };
    }

    /**
     * Uses imported signatures: a CSV {@code name,signature} (header optional), one row per device, each the Base64
     * DER signature of that device's payload digest.
     */
    static IdentitySigning signatures(Path csv) {
        Map<String, String> byName = new HashMap<>();
        ImportProblems problems = new ImportProblems(csv.getFileName().toString());
        List<String> lines = Csv.lines(SmallFiles.read(csv, "Signatures file"));
        for (int i = 0; i < lines.size(); i++) {
            if (Csv.skipped(lines.get(i))) {
                continue;
            }
            List<String> fields = Csv.fields(lines.get(i));
            if (fields == null || fields.size() != 2 || fields.get(0).isEmpty() || fields.get(1).isEmpty()) {
                problems.add(i + 1, "expected name,signature.");
            } else if (!(byName.isEmpty() && fields.get(0).equalsIgnoreCase("name"))
                    && byName.putIfAbsent(fields.get(0), fields.get(1)) != null) {
                problems.add(i + 1, fields.get(0) + " has a second signature.");
            }
        }
        problems.throwIfAny();
        return (name, request) -> {
            String signature = byName.get(name);
            if (signature == null) {
                throw new InvalidInputException("No signature for " + name + " in " + csv.getFileName() + ".");
            }
            return signature;
        };
    }
}
