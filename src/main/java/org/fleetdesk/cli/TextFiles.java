package org.fleetdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.fleetdesk.api.InvalidInputException;

/** Reads small text files named on the command line (PEM keys), with messages that name the option. */
final class TextFiles {
    private static final long MAX_SIZE = 64 * 1024;

    private TextFiles() {
    }

    static String read(Path file, String option) {
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw new InvalidInputException(option + " " + file + " is larger than a PEM key can be: check the path.");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(option + " " + file + ": no such file.");
        } catch (IOException e) {
            throw new InvalidInputException(option + " " + file + " cannot be read (" + e.getMessage() + ").");
        }
    }
}
