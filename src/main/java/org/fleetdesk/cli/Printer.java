package org.fleetdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import org.fleetdesk.api.Json;

/** Prints resources as a table or as the API's own JSON (snake_case; a list is a JSON array). */
final class Printer {
    private final PrintWriter out;
    private final OutputFormat format;

    Printer(PrintWriter out, OutputFormat format) {
        this.out = out;
        this.format = format;
    }

    boolean isJson() {
        return format == OutputFormat.JSON;
    }

    <T> void list(List<T> items, Function<List<T>, Table> view, String noun) {
        if (isJson()) {
            ArrayNode array = Json.mapper().createArrayNode();
            items.forEach(item -> array.add(tree(item)));
            printJson(array);
        } else if (items.isEmpty()) {
            out.println("No " + noun + ".");
            out.flush();
        } else {
            view.apply(items).print(out);
        }
    }

    <T> void one(T item, Function<T, Table> view) {
        if (isJson()) {
            printJson(tree(item));
        } else {
            view.apply(item).print(out);
        }
    }

    /** The API's object; an auth key's secret appears only when the API sent it (on create). */
    private static JsonNode tree(Object item) {
        JsonNode node = Json.mapper().valueToTree(item);
        if (node instanceof ObjectNode object && object.has("secret") && object.get("secret").isNull()) {
            object.remove("secret");
        }
        return node;
    }

    private void printJson(JsonNode node) {
        try {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
