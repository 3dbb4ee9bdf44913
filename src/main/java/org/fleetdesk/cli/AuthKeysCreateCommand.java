package org.fleetdesk.cli;

import java.nio.file.Path;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.NewAuthKey;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.api.Validation;
import org.fleetdesk.provision.AuthKeyCreator;
import org.fleetdesk.provision.KeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code auth-keys create}: one key printed with its secret, or one key per name written to {@code <name>.key}
 * files ({@link BulkKeyCreation}). A lost answer is reconciled, never retried blindly ({@link AuthKeyCreator}).
 */
@Command(name = "create", description = {"Create an auth key and print it, with its secret (shown only this once).",
        "With --names or --names-file, create one key per device and write each secret to <name>.key in --out-dir."},
        footer = {"%nExamples:", "  fleetdesk auth-keys create --description 'shop 12' --ttl-days 7 \\",
                "      --device-name pi5-001 --tag kiosk --tag london \\",
                "      --format json | jq -r .secret > pi5-001.key",
                "  fleetdesk auth-keys create --names 'pi5-{001..250}' --tag production --out-dir keys/",
                "  fleetdesk auth-keys create --names-file devices.csv --out-dir keys/  # rows: name,tags"})
final class AuthKeysCreateCommand extends ApiCommand {
    @Option(names = "--description", paramLabel = "TEXT", description = "What the key is for (one key).")
    String description;

    @Option(names = "--device-name", paramLabel = "NAME", description = "Name of the device that uses the key"
            + " (default: its hostname). One key only: with --names each key is named after its device.")
    String deviceName;

    @Option(names = "--ttl-days", paramLabel = "N", description = "Days until the key expires, 1 to 90 (default 1).")
    Integer ttlDays;

    @Option(names = "--names", paramLabel = "PATTERN", description = "Device names, e.g. 'pi5-{001..250}' (quote it).")
    String names;

    @Option(names = "--names-file", paramLabel = "FILE",
            description = "Device names, one per line, or CSV rows name,tags (tags separated by spaces or ';').")
    Path namesFile;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Folder for the <name>.key files (created 0700;"
            + " each file 0600).")
    Path outDir;

    @Option(names = "--if-exists", paramLabel = "refuse|number", defaultValue = "refuse",
            description = "When <name>.key exists: refuse (default; checked before any key is created) or number"
                    + " (write '<name> (2).key').")
    String ifExists;

    @Mixin
    TagOptions tags;

    @Mixin
    BulkOptions bulk;

    @Mixin
    OutputOptions output;

    @Override
    protected RequestLimiter createLimiter() {
        return isBulk() ? bulk.limiter() : super.createLimiter();
    }

    RequestLimiter bulkLimiter() {
        return limiter();
    }

    @Override
    protected int run(ConnectClient client) {
        if (isBulk()) {
            requireBulkOptions();
            return new BulkKeyCreation(this).run(client);
        }
        if (description == null) {
            throw new InvalidInputException("Give --description TEXT to create one key, or --names PATTERN /"
                    + " --names-file FILE with --out-dir DIR to create one per device.");
        }
        if (outDir != null) {
            throw new InvalidInputException("--out-dir is for --names or --names-file: to save one key, use --format json"
                    + " | jq -r .secret > NAME.key, or give --names NAME --out-dir DIR.");
        }
        NewAuthKey key = new NewAuthKey(description, ttlDays, deviceName, tags.forCreate());
        Validation.validate(key);
        AuthKeyCreator.Created created = AuthKeyCreator.start(client, null).create(key);
        AuthKey made = created.key();
        output.printer(out()).one(made, Views::authKey);
        if (created.note() != null) {
            err().println(created.note());
        }
        err().println("The secret is shown only once: store it now (e.g. in the device's auth.key file).");
        return ExitCodes.OK;
    }

    boolean isBulk() {
        return names != null || namesFile != null;
    }

    KeyFiles.ExistingFiles existingFiles() {
        return switch (ifExists.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "refuse" -> KeyFiles.ExistingFiles.REFUSE;
            case "number" -> KeyFiles.ExistingFiles.ADD_NUMBER;
            default -> throw new InvalidInputException("--if-exists " + ifExists + " is not known: give refuse or number.");
        };
    }

    private void requireBulkOptions() {
        if (names != null && namesFile != null) {
            throw new InvalidInputException("--names and --names-file both give the names: use one of them.");
        }
        if (description != null || deviceName != null) {
            throw new InvalidInputException("With --names or --names-file each key is described and named after its"
                    + " device: leave out --description and --device-name.");
        }
        if (outDir == null) {
            throw new InvalidInputException("Give --out-dir DIR: each secret is written to DIR/<name>.key the moment"
                    + " its key is created, since it cannot be shown again.");
        }
    }
}
