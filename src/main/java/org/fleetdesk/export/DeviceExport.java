package org.fleetdesk.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.Json;

/**
 * Writes devices to a CSV or JSON file: the device id, then the given columns in the given order. The file is written
 * beside the target under a temporary name, flushed, and renamed over the target, so a failure half-way leaves the
 * target as it was and no partial file behind.
 * <p>
 * CSV follows RFC 4180 (UTF-8, CRLF, fields quoted when needed, a header row of column titles). A cell that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) is prefixed with {@code '}. A value
 * the device does not report (old Connect clients) is an empty cell in CSV and {@code null} in JSON; JSON tags are
 * arrays.
 */
public final class DeviceExport {
    private DeviceExport() {
    }

    public static void write(Path target, List<Device> devices, List<DeviceColumn> columns, ExportFormat format)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                if (format == ExportFormat.CSV) {
                    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                    writeCsv(writer, devices, columns);
                    writer.flush();
                } else {
                    writeJson(out, devices, columns);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void writeCsv(Writer out, List<Device> devices, List<DeviceColumn> columns) throws IOException {
        out.write("ID");
        for (DeviceColumn column : columns) {
            out.write(',');
            out.write(csvField(column.title()));
        }
        out.write("\r\n");
        for (Device device : devices) {
            out.write(csvField(device.id()));
            for (DeviceColumn column : columns) {
                out.write(',');
                out.write(csvField(column.text(device)));
            }
            out.write("\r\n");
        }
    }

    static String csvField(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static void writeJson(OutputStream out, List<Device> devices, List<DeviceColumn> columns)
            throws IOException {
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (Device device : devices) {
                json.writeStartObject();
                json.writeStringField("id", device.id());
                for (DeviceColumn column : columns) {
                    if (column == DeviceColumn.TAGS) {
                        json.writeArrayFieldStart(column.key());
                        for (String tag : device.tags()) {
                            json.writeString(tag);
                        }
                        json.writeEndArray();
                    } else {
                        json.writeStringField(column.key(), column.text(device));
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeRaw('\n');
        }
    }
}
