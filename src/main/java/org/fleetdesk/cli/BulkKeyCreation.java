package org.fleetdesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.provision.AuthKeyPlan;
import org.fleetdesk.provision.BulkAuthKeys;
import org.fleetdesk.provision.BulkResult;
import org.fleetdesk.provision.KeyFiles;
import org.fleetdesk.provision.NameEntry;
import org.fleetdesk.provision.NameList;

/** The bulk form of {@code auth-keys create}: plan, check the files, create, save, report. */
final class BulkKeyCreation {
    private final AuthKeysCreateCommand command;

    BulkKeyCreation(AuthKeysCreateCommand command) {
        this.command = command;
    }

    int run(ConnectClient client) {
        List<NameEntry> entries = command.names != null ? NameList.fromPattern(command.names)
                : NameList.parse(TextFiles.read(command.namesFile, "--names-file", TextFiles.LIST_SIZE),
                command.namesFile.getFileName().toString());
        AuthKeyPlan plan = AuthKeyPlan.of(entries, command.ttlDays, command.tags.forCreate());
        KeyFiles files = new KeyFiles(command.outDir, command.existingFiles());
        try {
            files.prepare(plan.names());
        } catch (IOException e) {
            throw new InvalidInputException("Cannot use " + command.outDir + " for the key files (" + e.getMessage()
                    + "): choose a folder you can write to. Nothing was sent.");
        }
        Map<String, Path> written = new ConcurrentHashMap<>();
        BulkAuthKeys bulk = new BulkAuthKeys(client, command.bulkLimiter());
        BulkResult<AuthKey> result = bulk.create(plan, (name, key) -> written.put(name, files.write(name, key.secret())),
                new BulkProgressLine<>(command.err(), "Creating auth keys:"), () -> false);
        int exit = new BulkReport<AuthKey>("auth keys", "FILE", "file",
                o -> String.valueOf(written.get(o.name()))).print(result, command.output.format, command.out(),
                command.err());
        if (!written.isEmpty()) {
            command.err().println("Key files are in " + command.outDir
                    + (KeyFiles.ownerOnlySupported(command.outDir) ? ", readable by you alone (0600)." : ".")
                    + " " + KeyFiles.REMINDER);
            command.err().flush();
        }
        return exit;
    }
}
