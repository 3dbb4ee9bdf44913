package org.fleetdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Text aligned in columns: a list with a header row, or a "label: value" detail view of one resource. */
final class Table {
    private static final String EMPTY = "-";
    private static final String GAP = "  ";

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> header) {
        this.header = header;
    }

    static Table withColumns(String... header) {
        return new Table(List.of(header));
    }

    /** A two-column view without a header row; values spanning several lines are indented under the first. */
    static Table details() {
        return new Table(List.of());
    }

    Table row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(text(cell));
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out) {
        List<List<String>> all = new ArrayList<>();
        if (!header.isEmpty()) {
            all.add(header);
        }
        all.addAll(rows);
        int columns = all.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : all) {
            for (int i = 0; i < row.size() - 1; i++) {
                widths[i] = Math.max(widths[i], firstLine(row.get(i)).length());
            }
        }
        for (List<String> row : all) {
            printRow(out, row, widths);
        }
        out.flush();
    }

    private static void printRow(PrintWriter out, List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        int indent = 0;
        for (int i = 0; i < row.size(); i++) {
            boolean last = i == row.size() - 1;
            String cell = row.get(i);
            if (last) {
                indent = line.length();
                line.append(cell.replace("\n", "\n" + " ".repeat(indent)));
            } else {
                line.append(cell).append(" ".repeat(widths[i] - cell.length())).append(GAP);
            }
        }
        out.println(line.toString().stripTrailing());
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String text(Object cell) {
        if (cell == null) {
            return EMPTY;
        }
        if (cell instanceof Collection<?> values) {
            return values.isEmpty() ? EMPTY : values.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        String text = cell.toString().strip();
        return text.isEmpty() ? EMPTY : text;
    }
}
