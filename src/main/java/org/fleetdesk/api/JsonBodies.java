package org.fleetdesk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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

    /** A list answer: the items under {@code key} and the {@code meta} object (a single page when meta is missing). */
    static <T> Page<T> page(ApiTransport.Answer answer, String key, Class<T> type) {
        try {
            JsonNode root = Json.mapper().readTree(answer.body());
            JsonNode items = root == null ? null : root.get(key);
            if (items == null || !items.isArray()) {
                throw unreadable(answer, "a \"" + key + "\" list", null);
            }
            List<T> list = Json.mapper().readerForListOf(type).readValue(items);
            JsonNode meta = root.get("meta");
            PageMeta pageMeta = meta != null && meta.isObject() ? Json.mapper().treeToValue(meta, PageMeta.class)
                    : new PageMeta(1, list.size(), list.size(), 1);
            return new Page<>(list, pageMeta);
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
