package org.fleetdesk.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.fleetdesk.AppPaths;
import org.fleetdesk.api.InvalidInputException;

/** Where each organisation profile's cache lives: {@code <FLEETDESK_HOME>/orgs/<profile>/cache.sqlite}. */
public final class StorePaths {
    public static final String FILE_NAME = "cache.sqlite";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private StorePaths() {
    }

    /**
     * The cache file of a profile. The profile name becomes a folder name: letters, digits, {@code .}, {@code _} and
     * {@code -} are kept and every other character is written as {@code %XX} (UTF-8), so any name is a safe, distinct
     * folder that cannot point outside {@code orgs/}.
     */
    public static Path cacheFile(String profile) {
        return AppPaths.home().resolve("orgs").resolve(folderName(profile)).resolve(FILE_NAME);
    }

    static String folderName(String profile) {
        if (profile == null || profile.isBlank()) {
            throw new InvalidInputException("A profile name cannot be empty: choose a name for the organisation.");
        }
        StringBuilder out = new StringBuilder();
        for (byte b : profile.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-' || (c == '.' && out.length() > 0);
            out.append(safe ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
        }
        return out.toString();
    }

    /**
     * Renames a damaged cache (and its {@code -wal}/{@code -shm} companions) to {@code cache.sqlite.damaged-<UTC time>}
     * beside it, so that a new one can be built and the old one can still be looked at. Returns the new path.
     */
    public static Path moveAside(Path file, Clock clock) {
        Path target = file.resolveSibling(file.getFileName() + ".damaged-" + STAMP.format(clock.instant()));
        try {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path companion = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(companion)) {
                    Files.move(companion, target.resolveSibling(target.getFileName() + suffix),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new StoreException(file, "Cannot move the damaged cache " + file + " aside: " + e
                    + ". Close other Fleetdesk windows, or delete the file by hand.", e);
        }
    }
}
