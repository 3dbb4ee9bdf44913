package org.fleetdesk.provision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.Validation;

/**
 * Reads a list of device names typed, pasted or imported: one name per line, or CSV rows {@code name,tags} where the
 * tags field holds tags separated by spaces or semicolons (several tag columns work too). Blank lines and
 * {@code #} comments are skipped, and a first row whose first field is {@code name} or {@code device_name} is a header.
 * Every name and tag is checked before anything is sent; duplicates are refused.
 */
public final class NameList {
    private NameList() {
    }

    /** The entries of {@code text}; {@code source} names it in messages (e.g. the file name). */
    public static List<NameEntry> parse(String text, String source) {
        ImportProblems problems = new ImportProblems(source);
        List<NameEntry> entries = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<String> lines = Csv.lines(text == null ? "" : text);
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i);
            if (Csv.skipped(line)) {
                continue;
            }
            List<String> fields = Csv.fields(line);
            if (fields == null) {
                problems.add(lineNumber, "a quoted field is not closed.");
                continue;
            }
            if (first && isHeader(fields.get(0))) {
                first = false;
                continue;
            }
            first = false;
            NameEntry entry = entry(fields, lineNumber, problems);
            if (entry == null) {
                continue;
            }
            Integer earlier = firstLine.putIfAbsent(entry.name().toLowerCase(Locale.ROOT), lineNumber);
            if (earlier != null) {
                problems.add(lineNumber, "\"" + Validation.printable(entry.name()) + "\" is already on line " + earlier
                        + " (names differing only in case would share one .key file).");
                continue;
            }
            entries.add(entry);
        }
        problems.throwIfAny();
        if (entries.isEmpty()) {
            throw new InvalidInputException(source + " holds no device names: put one name per line, or CSV rows"
                    + " name,tags.");
        }
        if (entries.size() > NamePattern.MAX_NAMES) {
            throw new InvalidInputException(source + " holds " + entries.size() + " names: at most "
                    + NamePattern.MAX_NAMES + " can be provisioned at once. Split the batch.");
        }
        return entries;
    }

    /** The names of a pattern such as {@code pi5-{001..250}}, without tags of their own. */
    public static List<NameEntry> fromPattern(String pattern) {
        return NamePattern.expand(pattern).stream().map(NameEntry::of).toList();
    }

    private static NameEntry entry(List<String> fields, int lineNumber, ImportProblems problems) {
        List<String> tags = new ArrayList<>();
        for (String field : fields.subList(1, fields.size())) {
            tags.addAll(Csv.tags(field));
        }
        try {
            return new NameEntry(fields.get(0), tags);
        } catch (InvalidInputException e) {
            problems.add(lineNumber, e.getMessage());
            return null;
        }
    }

    private static boolean isHeader(String firstField) {
        String field = firstField.strip().toLowerCase(Locale.ROOT);
        return field.equals("name") || field.equals("device_name") || field.equals("device name");
    }
}
