package org.fleetdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Function;
import org.fleetdesk.api.Json;
import org.fleetdesk.provision.BulkResult;
import org.fleetdesk.provision.Outcome;

/**
 * Prints a bulk run: one row per name (NAME, RESULT, a detail column, NOTE) or a JSON array, then the failures on
 * stderr. The exit code is 0 only when every name succeeded, otherwise 5 ("refused") with the count.
 */
final class BulkReport<T> {
    private final String noun;
    private final String detailHeader;
    private final String detailField;
    private final Function<Outcome<T>, String> detail;

    /** {@code detail} is shown under {@code detailHeader} (table) or {@code detailField} (JSON) for a success. */
    BulkReport(String noun, String detailHeader, String detailField, Function<Outcome<T>, String> detail) {
        this.noun = noun;
        this.detailHeader = detailHeader;
        this.detailField = detailField;
        this.detail = detail;
    }

    int print(BulkResult<T> result, OutputFormat format, PrintWriter out, PrintWriter err) {
        if (format == OutputFormat.JSON) {
            printJson(result, out);
        } else {
            Table table = Table.withColumns("NAME", "RESULT", detailHeader, "NOTE");
            for (Outcome<T> o : result.outcomes()) {
                table.row(o.name(), word(o.status()), o.succeeded() ? detail.apply(o) : null,
                        o.succeeded() ? o.message() : null);
            }
            table.print(out);
        }
        int total = result.outcomes().size();
        int succeeded = result.succeeded().size();
        err.println(succeeded + " of " + total + " " + noun + " done.");
        for (Outcome<T> o : result.outcomes()) {
            if (!o.succeeded()) {
                err.println("  " + o.name() + ": " + o.message());
            }
        }
        err.flush();
        if (result.allSucceeded()) {
            return ExitCodes.OK;
        }
        err.println("Error: " + (total - succeeded) + " of " + total + " " + noun + " failed or were not started."
                + " Fix what the messages say, then run again for those names only.");
        err.flush();
        return ExitCodes.REFUSED;
    }

    private void printJson(BulkResult<T> result, PrintWriter out) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (Outcome<T> o : result.outcomes()) {
            ObjectNode node = array.addObject();
            node.put("name", o.name());
            node.put("result", word(o.status()));
            node.put(detailField, o.succeeded() ? detail.apply(o) : null);
            node.put("message", o.message());
        }
        out.println(array.toPrettyString());
        out.flush();
    }

    private static String word(Outcome.Status status) {
        return status == Outcome.Status.NOT_STARTED ? "not started" : status.name().toLowerCase(Locale.ROOT);
    }
}
