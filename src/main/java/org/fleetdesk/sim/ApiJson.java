package org.fleetdesk.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.Json;
import org.fleetdesk.api.PageMeta;

/** Writes resources exactly as the API does, with the application's one mapper. */
final class ApiJson {
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final List<String> FILTER_ORDER = List.of("model", "memory", "os");

    private ApiJson() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    static byte[] message(String message) {
        return bytes(Map.of("message", message));
    }

    /** A device with its fields in the documented order ({@code filters}: model, memory, os). */
    static byte[] device(Device device) {
        ObjectNode node = MAPPER.valueToTree(device);
        node.remove("old_client");
        ObjectNode filters = node.putObject("filters");
        Map<String, String> values = device.filters();
        FILTER_ORDER.stream().filter(values::containsKey).forEach(key -> filters.put(key, values.get(key)));
        values.keySet().stream().filter(key -> !FILTER_ORDER.contains(key)).sorted()
                .forEach(key -> filters.put(key, values.get(key)));
        return bytes(node);
    }

    /** An auth key; the secret only when it has just been created, as the API does. */
    static ObjectNode authKey(AuthKey key, boolean withSecret) {
        ObjectNode node = MAPPER.valueToTree(key);
        if (!withSecret) {
            node.remove("secret");
        }
        return node;
    }

    /** {@code {"<name>": [items…], "meta": {…}}} from items already serialised. */
    static byte[] page(String name, List<byte[]> items, PageMeta meta) {
        int length = 32 + name.length();
        for (byte[] item : items) {
            length += item.length + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 96);
        out.writeBytes(("{\"" + name + "\":[").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i));
        }
        out.writeBytes("],\"meta\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes(meta));
        out.write('}');
        return out.toByteArray();
    }
}
