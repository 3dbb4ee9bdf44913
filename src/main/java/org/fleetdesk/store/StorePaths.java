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

/**
 * Where each organisation profile's files live: {@code <FLEETDESK_HOME>/orgs/<profile>/cache.sqlite} (what a sync
 * rebuilds) and {@code journal.sqlite} beside it (rollouts, activity log, saved searches: what it cannot).
 */
public final class StorePaths {
    public static final String FILE_NAME = "cache.sqlite";
    public static final String JOURNAL_FILE_NAME = "journal.sqlite";
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

    /**
     * The journal that goes with a cache: {@code journal.sqlite} beside {@code cache.sqlite}; beside a cache with any
     * other name ({@code x.sqlite}, {@code x.db}), {@code x.journal.sqlite}, so that two caches in one folder never
     * share a journal.
     */
    public static Path journalFile(Path cacheFile) {
        String name = cacheFile.getFileName().toString();
        if (name.equals(FILE_NAME)) {
            return cacheFile.resolveSibling(JOURNAL_FILE_NAME);
        }
        int dot = name.lastIndexOf('.');
        return cacheFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".journal.sqlite");
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
     * Renames a damaged file (and its {@code -wal}/{@code -shm} companions), e.g. {@code cache.sqlite} to
     * {@code cache.sqlite.damaged-<UTC time>} beside it, so that a new one can be built and the old one can still be
     * looked at. Returns the new path.
     */
    public static Path moveAside(Path file, Clock clock) {
        String stem = file.getFileName() + ".damaged-" + STAMP.format(clock.instant());
        Path target = file.resolveSibling(stem);
        for (int n = 2; Files.exists(target); n++) {
            // Never replace an earlier damaged copy: it may hold the only readable rows.
            target = file.resolveSibling(stem + "-" + n);
        }
        try {
            Files.move(file, target);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path companion = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(companion)) {
                    Files.move(companion, target.resolveSibling(target.getFileName() + suffix),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new StoreException(file, "Cannot move the damaged file " + file + " aside: " + e
                    + ". Close other Fleetdesk windows, or move the file elsewhere by hand.", e);
        }
    }
}
