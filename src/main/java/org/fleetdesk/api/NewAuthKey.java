package org.fleetdesk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of "create an auth key". {@code ttlDays} and {@code deviceName} are optional (null = server default). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewAuthKey(String description, Integer ttlDays, String deviceName, List<String> tags) {
    public NewAuthKey {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
