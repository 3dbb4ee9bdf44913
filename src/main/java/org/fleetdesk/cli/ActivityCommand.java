package org.fleetdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.Json;
import org.fleetdesk.store.ActivityCsv;
import org.fleetdesk.store.ActivityEntry;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.store.StorePaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fleetdesk activity}: the journal of what Fleetdesk (GUI and CLI) changed in the organisation. */
@Command(name = "activity", description = "Show what Fleetdesk changed in the organisation (last 90 days), newest first.",
        footer = {"%nExample:", "  fleetdesk activity --since 2026-11-01 --action 'auth key created' --format csv > keys.csv"})
final class ActivityCommand implements Callable<Integer> {
    enum Format { TABLE, CSV, JSON }

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--since", paramLabel = "DATE", description = "Only entries on or after this day (YYYY-MM-DD).")
    String since;

    @Option(names = "--action", paramLabel = "A", description = "Only this action, e.g. 'device deleted'.")
    String action;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N entries (default 1000).")
    int limit;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "table (default), csv, or json (an array of entries).")
    Format format;

    @Override
    public Integer call() throws Exception {
        CliEnvironment environment = ((FleetdeskCommand) spec.root().userObject()).environment();
        Instant from = parseSince();
        if (limit < 1) {
            throw new InvalidInputException("--limit must be at least 1.");
        }
        Path file = CacheLocation.forOffline(connection.profile, environment);
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.exists(file) && !Files.exists(StorePaths.journalFile(file))) {
            spec.commandLine().getErr().println("Nothing journalled yet for this organisation (no journal at "
                    + StorePaths.journalFile(file) + ").");
            return ExitCodes.OK;
        }
        List<ActivityEntry> entries;
        try (FleetStore store = CacheLocation.openRecovering(file, spec.commandLine().getErr())) {
            store.activity().prune();
            entries = store.activity().entries(from, action, null, limit);
        }
        switch (format) {
            case CSV -> ActivityCsv.write(entries, out);
            case JSON -> out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(entries));
            case TABLE -> {
                Table table = Table.withColumns("TIME", "SOURCE", "ACTION", "SUBJECT", "OUTCOME", "MESSAGE");
                entries.forEach(e -> table.row(e.timestamp(), e.source(), e.action(), e.subject(), e.outcome(), e.message()));
                table.print(out);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Instant parseSince() {
        if (since == null) {
            return null;
        }
        try {
            return LocalDate.parse(since.strip()).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("--since \"" + since + "\" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-01.");
        }
    }
}
