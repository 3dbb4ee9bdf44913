package org.fleetdesk.cli;

import java.nio.file.Path;
import java.util.List;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.provision.IdentityEntry;
import org.fleetdesk.provision.IdentitySources;
import picocli.CommandLine.Option;

/** {@code --folder} / {@code --csv}: the many identities of a bulk registration (and of their digests). */
final class IdentitySourceOptions {
    @Option(names = "--folder", paramLabel = "DIR", description = "Many identities: one <name>.pem public key each,"
            + " described and named <name> (files *.key.pem are private keys and skipped).")
    Path folder;

    @Option(names = "--csv", paramLabel = "FILE", description = "Many identities: rows public_key_file,description,"
            + "device_name,tags (paths relative to the CSV; tags separated by spaces or ';').")
    Path csv;

    boolean isBulk() {
        return folder != null || csv != null;
    }

    /** The identities to register; {@code tags} are given to each of them. */
    List<IdentityEntry> entries(List<String> tags) {
        if (folder != null && csv != null) {
            throw new InvalidInputException("--folder and --csv both give the identities: use one of them.");
        }
        return folder != null ? IdentitySources.fromFolder(folder, tags) : IdentitySources.fromCsv(csv, tags);
    }

    /** Refuses the options of a single identity next to a bulk source. */
    void requireNoSingle(IdentityOptions single) {
        if (single.publicKey != null || single.description != null || single.deviceName != null) {
            throw new InvalidInputException("--public-key, --description and --device-name describe one identity: with"
                    + " --folder or --csv each identity comes from its file or row.");
        }
    }
}
