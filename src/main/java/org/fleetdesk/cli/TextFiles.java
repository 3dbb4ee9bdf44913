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
    /** Lists of names or identities: thousands of lines. */
    static final long LIST_SIZE = 4 * 1024 * 1024;

    private TextFiles() {
    }

    static String read(Path file, String option) {
        return read(file, option, MAX_SIZE);
    }

    static String read(Path file, String option, long maxSize) {
        try {
            if (Files.size(file) > maxSize) {
                throw new InvalidInputException(option + " " + file + " is larger than " + (maxSize == MAX_SIZE
                        ? "a PEM key can be" : maxSize / 1024 + " KB") + ": check the path.");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(option + " " + file + ": no such file.");
        } catch (IOException e) {
            throw new InvalidInputException(option + " " + file + " cannot be read (" + e.getMessage() + ").");
        }
    }
}
