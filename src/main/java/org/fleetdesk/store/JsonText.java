package org.fleetdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.List;
import org.fleetdesk.api.Json;

/** Tag lists as JSON array text, the form the cache keeps them in next to the resource they belong to. */
final class JsonText {
    private static final ObjectWriter WRITER = Json.mapper().writerFor(String[].class);
    private static final ObjectReader READER = Json.mapper().readerFor(String[].class);

    private JsonText() {
    }

    static String tags(List<String> tags) {
        try {
            return WRITER.writeValueAsString(tags.toArray(String[]::new));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write tags as JSON", e);
        }
    }

    static List<String> tags(String json) {
        try {
            return List.of((String[]) READER.readValue(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags in the cache are not a JSON array: " + e.getOriginalMessage(), e);
        }
    }
}
