package org.fleetdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.fleetdesk.api.Board;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.OsInfo;

/**
 * Devices as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they need it) with a header row. The
 * columns are the API's fields flattened: nested objects as {@code board_model}, {@code os_name}, {@code filter_os},
 * tags separated by spaces (a tag cannot contain one). Empty for a missing value.
 */
final class DeviceCsv {
    static final List<String> HEADER = List.of("id", "name", "serial_number", "tags", "board_model", "board_revision",
            "board_memory", "os_name", "os_version", "kernel_architecture", "filter_model", "filter_memory",
            "filter_os");

    private DeviceCsv() {
    }

    static void print(List<Device> devices, PrintWriter out) {
        StringBuilder text = new StringBuilder();
        line(text, HEADER);
        for (Device d : devices) {
            Board board = d.board();
            OsInfo os = d.os();
            List<String> row = new ArrayList<>(HEADER.size());
            row.add(d.id());
            row.add(d.name());
            row.add(d.serialNumber());
            row.add(String.join(" ", d.tags()));
            row.add(board == null ? null : board.model());
            row.add(board == null ? null : board.revision());
            row.add(board == null ? null : board.memory());
            row.add(os == null ? null : os.name());
            row.add(os == null ? null : os.version());
            row.add(d.kernelArchitecture());
            row.add(d.filters().get("model"));
            row.add(d.filters().get("memory"));
            row.add(d.filters().get("os"));
            line(text, row);
        }
        out.print(text);
        out.flush();
    }

    private static void line(StringBuilder text, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields.get(i)));
        }
        text.append("\r\n");
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || (!value.isEmpty() && (value.charAt(0) == ' '
                || value.charAt(value.length() - 1) == ' '));
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
