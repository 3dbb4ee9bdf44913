package org.fleetdesk.provision;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.InvalidInputException;

/**
 * Saves auth-key secrets for the devices: one {@code <name>.key} file each, holding the secret and a newline (what
 * goes to {@code ~/.config/com.raspberrypi.connect/auth.key} on the device), or one CSV for all. A file is created
 * in one step with owner-only permissions (0600) where the file system has POSIX permissions, so it is never
 * readable by others, not even for a moment; on Windows it inherits the folder's access rules. An existing file is
 * never overwritten: {@link ExistingFiles#REFUSE} fails, {@link ExistingFiles#ADD_NUMBER} writes
 * {@code name (2).key} beside it.
 */
public final class KeyFiles implements SecretSink {
    public static final String DEVICE_PATH = "~/.config/com.raspberrypi.connect/auth.key";
    /** What to tell a person who has just saved secrets. */
    public static final String REMINDER = "Copy each file to its device as " + DEVICE_PATH + " (Connect signs the"
            + " device in and deletes the file), then delete the files here: anyone who reads one can link a device"
            + " to the organisation until the key expires.";
    private static final String SUFFIX = ".key";
    /** Beside {@code <name>.key} while its key is being created: the ids of the keys described so before. */
    private static final String PENDING_SUFFIX = ".key.pending";
    private static final int MAX_NUMBER = 99;

    /** What to do when a file of the same name is already there. */
    public enum ExistingFiles { REFUSE, ADD_NUMBER }

    private final Path directory;
    private final ExistingFiles existing;

    public KeyFiles(Path directory, ExistingFiles existing) {
        this.directory = directory;
        this.existing = existing;
    }

    public Path directory() {
        return directory;
    }

    /** {@code <directory>/<name>.key}. */
    public Path fileFor(String name) {
        NameEntry.requireUsableName(name);
        return directory.resolve(name + SUFFIX);
    }

    /**
     * Creates the folder (owner-only where possible) and, with {@link ExistingFiles#REFUSE}, checks that none of the
     * files exists yet, so that a batch is refused before any key is created rather than half-way through.
     */
    public void prepare(Collection<String> names) throws IOException {
        ensureDirectory();
        if (!Files.isWritable(directory)) {
            throw new InvalidInputException("Cannot write in " + directory + ": choose a folder you can write to.");
        }
        forgetSavedPending();
        if (existing == ExistingFiles.REFUSE) {
            List<String> taken = names.stream().filter(n -> Files.exists(fileFor(n))).toList();
            if (!taken.isEmpty()) {
                throw new InvalidInputException(taken.size() + " key file" + (taken.size() == 1 ? "" : "s")
                        + " already exist in " + directory + " (" + String.join(", ", taken.stream().limit(5)
                        .map(n -> n + SUFFIX).toList()) + (taken.size() > 5 ? ", …" : "") + "). Fleetdesk never"
                        + " overwrites a key file: move them away, choose another folder, or ask for numbered names.");
            }
        }
    }

    @Override
    public void save(String name, AuthKey key) throws IOException {
        write(name, key.secret());
    }

    /** Records that a key for {@code name} is being requested, until {@link #write} saves its secret. */
    @Override
    public void creating(String name, Set<String> existingIds) throws IOException {
        ensureDirectory();
        Files.write(pendingFor(name), String.join("\n", existingIds).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The names among {@code names} whose key a run was creating when it ended without saving the secret (killed,
     * or its answer lost), each with the ids of the keys described so before that run asked: any other key with that
     * description was made by that run and its secret is lost.
     */
    public Map<String, Set<String>> interrupted(Collection<String> names) throws IOException {
        Map<String, Set<String>> interrupted = new TreeMap<>();
        for (String name : names) {
            Path pending = pendingFor(name);
            if (Files.exists(pending) && !Files.exists(fileFor(name))) {
                interrupted.put(name, Files.readAllLines(pending, StandardCharsets.US_ASCII).stream()
                        .filter(line -> !line.isBlank()).collect(Collectors.toUnmodifiableSet()));
            }
        }
        return interrupted;
    }

    /** Forgets that a key for {@code name} was being created (once what that run left is cleaned up). */
    public void clearPending(String name) throws IOException {
        Files.deleteIfExists(pendingFor(name));
    }

    /** A run killed between writing {@code <name>.key} and removing its marker left a marker of a saved key. */
    private void forgetSavedPending() throws IOException {
        try (DirectoryStream<Path> markers = Files.newDirectoryStream(directory, "*" + PENDING_SUFFIX)) {
            for (Path marker : markers) {
                String file = marker.getFileName().toString();
                if (Files.exists(directory.resolve(file.substring(0, file.length() - PENDING_SUFFIX.length()) + SUFFIX))) {
                    Files.deleteIfExists(marker);
                }
            }
        }
    }

    private Path pendingFor(String name) {
        NameEntry.requireUsableName(name);
        return directory.resolve(name + PENDING_SUFFIX);
    }

    /** Writes {@code secret + "\n"} to a new file for {@code name}; returns the file written. */
    public Path write(String name, String secret) throws IOException {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("No secret for " + name + ": only the answer to create carries one.");
        }
        ensureDirectory();
        Path written = createNew(fileFor(name), (secret + "\n").getBytes(StandardCharsets.US_ASCII), existing);
        clearPending(name);
        return written;
    }

    private void ensureDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            if (Files.exists(directory)) {
                throw new InvalidInputException(directory + " is a file, not a folder: choose a folder for the .key files.");
            }
            Files.createDirectories(directory, ownerOnly(directory, "rwx------"));
        }
    }

    /**
     * Writes one CSV ({@code name,secret,id,expires_at}) for all keys, owner-only, never over an existing file (with
     * {@link ExistingFiles#ADD_NUMBER}, {@code keys (2).csv} instead). Returns the file written.
     */
    public static Path writeCsv(Path file, List<AuthKey> keys, ExistingFiles existing) throws IOException {
        StringBuilder csv = new StringBuilder("name,secret,id,expires_at\n");
        for (AuthKey key : keys) {
            csv.append(Csv.quote(key.deviceName() != null ? key.deviceName() : key.description())).append(',')
                    .append(Csv.quote(key.secret())).append(',')
                    .append(Csv.quote(key.id())).append(',')
                    .append(key.expiresAt() == null ? "" : key.expiresAt().toString()).append('\n');
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return createNew(file, csv.toString().getBytes(StandardCharsets.UTF_8), existing);
    }

    /** True where files can be made readable by their owner alone (POSIX file systems). */
    public static boolean ownerOnlySupported(Path directory) {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static Path createNew(Path target, byte[] content, ExistingFiles existing) throws IOException {
        Path candidate = target;
        for (int number = 2; ; number++) {
            try {
                write(candidate, content);
                return candidate;
            } catch (FileAlreadyExistsException e) {
                if (existing == ExistingFiles.REFUSE) {
                    throw new FileAlreadyExistsException(candidate.toString(), null, candidate.getFileName()
                            + " already exists: Fleetdesk never overwrites a key file. Move it away or choose another"
                            + " folder.");
                }
                if (number > MAX_NUMBER) {
                    throw new FileAlreadyExistsException(candidate.toString(), null, "too many files named like "
                            + target.getFileName() + ": clean up the folder.");
                }
                candidate = numbered(target, number);
            }
        }
    }

    /** CREATE_NEW checks and creates in one step; the permissions are given at creation, not changed afterwards. */
    private static void write(Path file, byte[] content) throws IOException {
        boolean created = false;
        try (SeekableByteChannel channel = Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(file, "rw-------"));
             OutputStream out = Channels.newOutputStream(channel)) {
            created = true;
            out.write(content);
        } catch (IOException e) {
            if (created) {
                Files.deleteIfExists(file);
            }
            throw e;
        }
    }

    private static Path numbered(Path target, int number) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numberedName = dot > 0 ? name.substring(0, dot) + " (" + number + ")" + name.substring(dot)
                : name + " (" + number + ")";
        return target.resolveSibling(numberedName);
    }

    private static FileAttribute<?>[] ownerOnly(Path where, String permissions) {
        if (!ownerOnlySupported(where)) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }
}
