package org.fleetdesk.provision;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.NewDeviceIdentity;
import org.fleetdesk.api.Validation;

/**
 * Where a bulk registration's identities come from. A folder: every {@code <name>.pem} public key (files ending in
 * {@code .key.pem} are private keys and skipped), described and named {@code <name>}. Or a CSV with the columns
 * {@code public_key_file,description,device_name,tags} (header optional; paths relative to the CSV's folder; tags
 * separated by spaces or semicolons; an empty description becomes the name). Every file is read and every tag checked
 * before anything is sent.
 */
public final class IdentitySources {
    static final String PRIVATE_KEY_SUFFIX = ".key.pem";
    private static final String PEM = ".pem";

    private IdentitySources() {
    }

    /** The public keys of {@code folder}, sorted by name, each given {@code tags}. */
    public static List<IdentityEntry> fromFolder(Path folder, List<String> tags) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder + " is not a folder: give the folder that holds the <name>.pem"
                    + " public keys.");
        }
        Validation.requireTags(tags);
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path file : stream) {
                String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (fileName.endsWith(PEM) && !fileName.endsWith(PRIVATE_KEY_SUFFIX) && Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("Cannot list " + folder + " (" + e.getMessage() + ").");
        }
        files.sort(null);
        ImportProblems problems = new ImportProblems("The folder " + folder);
        List<IdentityEntry> entries = new ArrayList<>();
        for (Path file : files) {
            String name = baseName(file);
            String why = NameEntry.nameProblem(name);
            if (why != null) {
                problems.add(file.getFileName() + ": " + why);
                continue;
            }
            String pem = SmallFiles.read(file, "Public key");
            entries.add(new IdentityEntry(name, new NewDeviceIdentity(pem, name, name, tags)));
        }
        problems.throwIfAny();
        if (entries.isEmpty()) {
            throw new InvalidInputException("No public keys in " + folder + ": put one <name>.pem file per device there"
                    + " (private keys, if any, as <name>.key.pem).");
        }
        return entries;
    }

    /** The rows of a CSV {@code public_key_file,description,device_name,tags}; {@code tags} are added to every row. */
    public static List<IdentityEntry> fromCsv(Path csv, List<String> tags) {
        Validation.requireTags(tags);
        String text = SmallFiles.read(csv, "CSV file");
        Path base = csv.toAbsolutePath().getParent();
        ImportProblems problems = new ImportProblems(csv.getFileName().toString());
        List<IdentityEntry> entries = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<String> lines = Csv.lines(text);
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            if (Csv.skipped(lines.get(i))) {
                continue;
            }
            List<String> fields = Csv.fields(lines.get(i));
            boolean header = first && fields != null && fields.get(0).equalsIgnoreCase("public_key_file");
            first = false;
            if (header) {
                continue;
            }
            IdentityEntry entry = row(fields, base, tags, i + 1, problems);
            if (entry != null) {
                Integer earlier = firstLine.putIfAbsent(entry.name().toLowerCase(Locale.ROOT), i + 1);
                if (earlier != null) {
                    problems.add(i + 1, "the key file " + entry.name() + PEM + " is already on line " + earlier + ".");
                } else {
                    entries.add(entry);
                }
            }
        }
        problems.throwIfAny();
        if (entries.isEmpty()) {
            throw new InvalidInputException(csv + " has no rows: write one line per device,"
                    + " public_key_file,description,device_name,tags.");
        }
        return entries;
    }

    private static IdentityEntry row(List<String> fields, Path base, List<String> commonTags, int line,
                                     ImportProblems problems) {
        if (fields == null) {
            problems.add(line, "a quoted field is not closed.");
            return null;
        }
        if (fields.size() > 4) {
            problems.add(line, "has " + fields.size() + " fields; expected public_key_file,description,device_name,tags"
                    + " (separate tags with spaces or semicolons, not commas).");
            return null;
        }
        String keyFile = field(fields, 0);
        if (keyFile.isEmpty()) {
            problems.add(line, "the public_key_file field is empty.");
            return null;
        }
        Path file = base.resolve(keyFile);
        String name = baseName(file);
        String description = field(fields, 1).isEmpty() ? name : field(fields, 1);
        String deviceName = field(fields, 2).isEmpty() ? null : field(fields, 2);
        LinkedHashSet<String> tags = new LinkedHashSet<>(commonTags);
        tags.addAll(Csv.tags(field(fields, 3)));
        try {
            NameEntry.requireUsableName(name);
            Validation.requireTags(List.copyOf(tags));
            String pem = SmallFiles.read(file, "Public key");
            return new IdentityEntry(name, new NewDeviceIdentity(pem, description, deviceName, List.copyOf(tags)));
        } catch (InvalidInputException e) {
            problems.add(line, e.getMessage());
            return null;
        }
    }

    private static String field(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index).strip() : "";
    }

    /** {@code pi5-001.pem} → {@code pi5-001}; {@code pi5-001.pub} → {@code pi5-001}. */
    static String baseName(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
