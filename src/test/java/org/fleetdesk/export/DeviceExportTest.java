package org.fleetdesk.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fleetdesk.api.Board;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.Json;
import org.fleetdesk.api.OsInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceExportTest {
    private static final Device CURRENT = new Device("d1", "kiosk, \"lobby\"", "SN1", List.of("kiosk", "leeds"),
            new Board("Raspberry Pi 5", "1.0", "8 GB"), new OsInfo("Raspberry Pi OS", "13 (Trixie)"), "aarch64",
            Map.of("model", "5", "memory", "8gb", "os", "raspios-13"));
    private static final Device OLD = new Device("d2", "=cmd|calc", "SN2", List.of(), null, null, null, Map.of());

    @TempDir
    Path dir;

    @Test
    void csvHasTheIdThenTheColumnsQuotedAsNeeded() throws IOException {
        Path file = dir.resolve("devices.csv");
        DeviceExport.write(file, List.of(CURRENT, OLD), DeviceColumn.all(), ExportFormat.CSV);

        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals("ID,Name,Tags,Model,Memory,OS,Kernel architecture,Serial number\r\n"
                + "d1,\"kiosk, \"\"lobby\"\"\",\"kiosk, leeds\",Raspberry Pi 5,8 GB,Raspberry Pi OS 13 (Trixie),aarch64,SN1\r\n"
                + "d2,'=cmd|calc,,,,,,SN2\r\n", csv);
    }

    @Test
    void jsonUsesSnakeCaseKeysNullsForUnreportedValuesAndTagArrays() throws IOException {
        Path file = dir.resolve("devices.json");
        DeviceExport.write(file, List.of(CURRENT, OLD), List.of(DeviceColumn.SERIAL_NUMBER, DeviceColumn.TAGS,
                DeviceColumn.KERNEL_ARCHITECTURE), ExportFormat.JSON);

        JsonNode json = Json.mapper().readTree(file.toFile());
        assertEquals(2, json.size());
        assertEquals("d1", json.get(0).get("id").asText());
        assertEquals(List.of("id", "serial_number", "tags", "kernel_architecture"),
                iterable(json.get(0).fieldNames()));
        assertEquals("leeds", json.get(0).get("tags").get(1).asText());
        assertTrue(json.get(1).get("kernel_architecture").isNull());
        assertEquals(0, json.get(1).get("tags").size());
    }

    @Test
    void aFailureHalfWayLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("devices.csv");
        Files.writeString(file, "previous");
        List<Device> failing = new AbstractList<>() {
            @Override
            public Device get(int index) {
                if (index == 1) {
                    throw new IllegalStateException("disk gone");
                }
                return CURRENT;
            }

            @Override
            public int size() {
                return 3;
            }
        };

        assertThrows(IllegalStateException.class,
                () -> DeviceExport.write(file, failing, DeviceColumn.all(), ExportFormat.CSV));

        assertEquals("previous", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
