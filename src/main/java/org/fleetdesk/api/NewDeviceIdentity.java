package org.fleetdesk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of "create a device identity". {@code publicKey} is PEM, newline-terminated when sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewDeviceIdentity(String publicKey, String description, String deviceName, List<String> tags) {
    public NewDeviceIdentity {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
