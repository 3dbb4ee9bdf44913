package org.fleetdesk.export;

import java.util.List;
import org.fleetdesk.api.Device;

/**
 * The columns of the device table, in their default order, with how each reads its value from a device. Exports use
 * the same columns, so a file holds what the table shows.
 */
public enum DeviceColumn {
    NAME("Name", "name"),
    TAGS("Tags", "tags"),
    MODEL("Model", "model"),
    MEMORY("Memory", "memory"),
    OS("OS", "os"),
    KERNEL_ARCHITECTURE("Kernel architecture", "kernel_architecture"),
    SERIAL_NUMBER("Serial number", "serial_number");

    private final String title;
    private final String key;

    DeviceColumn(String title, String key) {
        this.title = title;
        this.key = key;
    }

    /** The column header. */
    public String title() {
        return title;
    }

    /** The field name in a JSON export (the API's snake_case style). */
    public String key() {
        return key;
    }

    /** The value as text ({@link #TAGS} joined with ", "), or null when the device does not report it. */
    public String text(Device device) {
        return switch (this) {
            case NAME -> device.name();
            case TAGS -> String.join(", ", device.tags());
            case MODEL -> device.board() == null ? null : device.board().model();
            case MEMORY -> device.board() == null ? null : device.board().memory();
            case OS -> osText(device);
            case KERNEL_ARCHITECTURE -> device.kernelArchitecture();
            case SERIAL_NUMBER -> device.serialNumber();
        };
    }

    /** True for the values that only Connect clients 2.9.0 and later report. */
    public boolean needsCurrentClient() {
        return this == MODEL || this == MEMORY || this == OS || this == KERNEL_ARCHITECTURE;
    }

    public static List<DeviceColumn> all() {
        return List.of(values());
    }

    private static String osText(Device device) {
        if (device.os() == null) {
            return null;
        }
        String name = device.os().name();
        String version = device.os().version();
        if (name == null || version == null) {
            return name == null ? version : name;
        }
        return name + " " + version;
    }
}
