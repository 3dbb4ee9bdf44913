package org.fleetdesk.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --format} option of every command that prints resources. */
final class OutputOptions {
    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table (default): aligned columns; json: the API's own objects (a list is a JSON array).")
    OutputFormat format;

    Printer printer(PrintWriter out) {
        return new Printer(out, format);
    }
}
