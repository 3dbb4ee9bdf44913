package org.fleetdesk.export;

/** The file formats a device list can be exported to. */
public enum ExportFormat {
    CSV("CSV", "csv"),
    JSON("JSON", "json");

    private final String label;
    private final String extension;

    ExportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }
}
