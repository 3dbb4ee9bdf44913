package org.fleetdesk.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.fleetdesk.api.InvalidInputException;

/** Reads the small text files of provisioning (PEM keys, name lists, signatures) with messages that say what to do. */
final class SmallFiles {
    private static final long MAX_SIZE = 4 * 1024 * 1024;

    private SmallFiles() {
    }

    static String read(Path file, String what) {
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidInputException(what + " " + file + " is a folder, not a file.");
            }
            if (Files.size(file) > MAX_SIZE) {
                throw new InvalidInputException(what + " " + file + " is larger than " + (MAX_SIZE >> 20)
                        + " MB: check that it is the right file.");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(what + " " + file + " does not exist: check the path.");
        } catch (IOException e) {
            throw new InvalidInputException(what + " " + file + " cannot be read (" + e.getMessage() + ").");
        }
    }
}
