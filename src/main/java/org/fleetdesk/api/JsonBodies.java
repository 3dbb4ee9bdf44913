package org.fleetdesk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/** Reads the API's JSON answers and writes its request bodies, deterministically, with the one shared mapper. */
final class JsonBodies {
    private JsonBodies() {
    }

    static byte[] write(Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request bodies are plain records: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T one(ApiTransport.Answer answer, Class<T> type) {
        try {
            return Json.mapper().readValue(answer.body(), type);
        } catch (IOException e) {
            throw unreadable(answer, "a " + type.getSimpleName() + " object", e);
        }
    }

    /**
     * A list answer: the items under {@code key} and the {@code meta} object (a single page when meta is missing).
     * Read as a stream straight into the records, without an intermediate tree: a sync reads tens of megabytes.
     */
    static <T> Page<T> page(ApiTransport.Answer answer, String key, Class<T> type) {
        try (JsonParser parser = Json.mapper().createParser(answer.body())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw unreadable(answer, "a \"" + key + "\" list", null);
            }
            List<T> list = null;
            PageMeta meta = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals(key) && value == JsonToken.START_ARRAY) {
                    list = Json.mapper().readerForListOf(type).readValue(parser);
                } else if (field.equals("meta") && value == JsonToken.START_OBJECT) {
                    meta = Json.mapper().readValue(parser, PageMeta.class);
                } else {
                    parser.skipChildren();
                }
            }
            if (list == null) {
                throw unreadable(answer, "a \"" + key + "\" list", null);
            }
            return new Page<>(list, meta != null ? meta : new PageMeta(1, list.size(), list.size(), 1));
        } catch (IOException e) {
            throw unreadable(answer, "a \"" + key + "\" list", e);
        }
    }

    private static ApiException unreadable(ApiTransport.Answer answer, String expected, IOException cause) {
        String why = cause instanceof JsonProcessingException json ? " (" + json.getOriginalMessage() + ")" : "";
        return new ApiException(answer.status(), null, "The API's answer could not be read: expected " + expected + why
                + ". Check that the API URL points at the Management API.", cause);
    }
}
