package org.fleetdesk.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * A device of the organisation. {@code board}, {@code os} and {@code kernelArchitecture} are null and
 * {@code filters} is empty for devices on a Connect client older than 2.9.0.
 */
public record Device(String id, String name, String serialNumber, List<String> tags, Board board, OsInfo os,
                     String kernelArchitecture, Map<String, String> filters) {
    public Device {
        tags = tags == null ? List.of() : List.copyOf(tags);
        filters = filters == null ? Map.of() : Map.copyOf(filters);
    }

    /** True when the device runs a Connect client older than 2.9.0 and reports no board, OS or filters. */
    @JsonIgnore
    public boolean isOldClient() {
        return board == null && os == null && filters.isEmpty();
    }
}
