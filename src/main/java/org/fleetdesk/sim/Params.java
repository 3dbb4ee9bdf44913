package org.fleetdesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of a request body, the same whether it came as JSON or as {@code application/x-www-form-urlencoded}
 * (where a list is repeated {@code name[]=value} pairs and an empty {@code name[]=} stands for an empty list).
 */
final class Params {
    private final JsonNode json;
    private final Map<String, List<String>> form;

    private Params(JsonNode json, Map<String, List<String>> form) {
        this.json = json;
        this.form = form;
    }

    static Params ofJson(JsonNode object) {
        return new Params(object, null);
    }

    static Params ofForm(Map<String, List<String>> form) {
        return new Params(null, form);
    }

    boolean has(String field) {
        return json != null ? json.has(field) && !json.get(field).isNull() : form.containsKey(field);
    }

    /** Whether the body names the field at all, even as JSON null. */
    boolean mentions(String field) {
        return json != null ? json.has(field) : form.containsKey(field);
    }

    /** The field as text, or null when absent or JSON null. */
    String string(String field) {
        if (json == null) {
            List<String> values = form.get(field);
            return values == null ? null : values.get(0);
        }
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isContainerNode()) {
            throw SimError.badRequest("Invalid value for " + field + ": expected a string");
        }
        return node.asText();
    }

    /** A list field ({@code tags}), or null when absent. */
    List<String> strings(String field) {
        if (json == null) {
            List<String> values = form.get(field + "[]");
            return values == null ? null : values.stream().filter(v -> !v.isEmpty()).toList();
        }
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw SimError.badRequest("Invalid value for " + field + ": expected an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw SimError.badRequest("Invalid value for " + field + ": expected an array of strings");
            }
            values.add(item.asText());
        }
        return values;
    }
}
