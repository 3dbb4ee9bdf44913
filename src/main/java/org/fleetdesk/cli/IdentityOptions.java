package org.fleetdesk.cli;

import java.nio.file.Path;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.NewDeviceIdentity;
import picocli.CommandLine.Option;

/** What describes a new device identity; shared by {@code register} and {@code payload-digest} so both agree. */
final class IdentityOptions extends TagOptions {
    @Option(names = "--public-key", paramLabel = "FILE", description = "The device's EC P-256 public key (PEM).")
    Path publicKey;

    @Option(names = "--description", paramLabel = "TEXT",
            description = "Description, visible in the organisation's audit log.")
    String description;

    @Option(names = "--device-name", paramLabel = "NAME",
            description = "Name given to the device when it first connects (default: its hostname).")
    String deviceName;

    NewDeviceIdentity identity() {
        if (publicKey == null || description == null) {
            throw new InvalidInputException("Give --public-key FILE and --description TEXT for one identity, or --folder"
                    + " DIR or --csv FILE for many.");
        }
        return new NewDeviceIdentity(TextFiles.read(publicKey, "--public-key"), description, deviceName, forCreate());
    }
}
