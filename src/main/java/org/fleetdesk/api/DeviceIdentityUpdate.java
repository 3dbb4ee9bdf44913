package org.fleetdesk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of "update a device identity": only the fields that are not null are sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceIdentityUpdate(String description, String deviceName, List<String> tags) {
}
