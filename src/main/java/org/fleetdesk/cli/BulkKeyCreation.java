package org.fleetdesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.fleetdesk.provision.SecretSink;

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
        deleteWhatAnInterruptedRunLeft(files, plan, bulk);
        SecretSink sink = new SecretSink() {
            @Override
            public void creating(String name, Set<String> existingIds) throws IOException {
                files.creating(name, existingIds);
            }

            @Override
            public void save(String name, AuthKey key) throws IOException {
                written.put(name, files.write(name, key.secret()));
            }
        };
        BulkResult<AuthKey> result = bulk.create(plan, sink, new BulkProgressLine<>(command.err(),
                "Creating auth keys:"), () -> false);
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

    /** A run killed (or cut off) between creating a key and saving its secret left that key: delete it first. */
    private void deleteWhatAnInterruptedRunLeft(KeyFiles files, AuthKeyPlan plan, BulkAuthKeys bulk) {
        try {
            Map<String, Set<String>> interrupted = files.interrupted(plan.names());
            if (interrupted.isEmpty()) {
                return;
            }
            List<String> deleted = bulk.deleteUnsaved(interrupted);
            for (String name : interrupted.keySet()) {
                files.clearPending(name);
            }
            command.err().println("An earlier run into " + command.outDir + " ended while creating " + interrupted.size()
                    + " of these keys; " + (deleted.isEmpty() ? "none of them had been made."
                    : "deleted the " + deleted.size() + " it made whose secrets were never saved (" + String.join(", ",
                    deleted) + "), and creating them again."));
            command.err().flush();
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read what an earlier run left in " + command.outDir + " ("
                    + e.getMessage() + "): check the folder's permissions. Nothing was sent.");
        }
    }
}
