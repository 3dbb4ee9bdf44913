package org.fleetdesk.store;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes activity entries as CSV (RFC 4180) through a temporary file, so a failure leaves nothing half-written. */
public final class ActivityCsv {
    static final String HEADER = "timestamp,source,action,subject,outcome,message";

    private ActivityCsv() {
    }

    public static void write(List<ActivityEntry> entries, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(folder, ".activity", ".csv.tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                write(entries, out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void write(List<ActivityEntry> entries, Writer out) throws IOException {
        out.write(HEADER + "\r\n");
        for (ActivityEntry entry : entries) {
            out.write(String.join(",", entry.timestamp().toString(), cell(entry.source()), cell(entry.action()),
                    cell(entry.subject()), cell(entry.outcome()), cell(entry.message())) + "\r\n");
        }
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
