package org.fleetdesk.ui.artefacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.ui.common.BackgroundTask;

/** The SHA-256 of a local file, read block by block: constant memory for images of many gigabytes, with progress. */
final class FileChecksum {
    private static final int BLOCK = 1 << 20;

    private FileChecksum() {
    }

    /** Reports bytes read of the file's size; a cancelled task throws {@link CancellationException}. */
    static String compute(Path file, BackgroundTask.Progress progress) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            byte[] block = new byte[BLOCK];
            long done = 0;
            int read;
            while ((read = in.read(block)) > 0) {
                if (progress.isCancelled()) {
                    throw new CancellationException("Checksum cancelled.");
                }
                digest.update(block, 0, read);
                done += read;
                progress.update(done, size, "Computing the SHA-256 of " + file.getFileName() + " — "
                        + (size == 0 ? 100 : done * 100 / size) + "%");
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("File " + file + " does not exist: choose the image again.");
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + file + " (" + e.getMessage() + "): check that the file is"
                    + " readable.");
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
