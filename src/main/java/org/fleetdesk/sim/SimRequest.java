package org.fleetdesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fleetdesk.api.Json;

/** A request as received: method, raw path and query, headers, and the exact body bytes. */
final class SimRequest {
    final String method;
    final String rawPath;
    final String rawQuery;
    final Headers headers;
    final byte[] body;
    final List<String> segments;
    private final Map<String, List<String>> query;
    private Params params;

    private SimRequest(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
        this.segments = segments(rawPath);
        this.query = rawQuery == null ? Map.of() : decodeForm(rawQuery, "query string");
    }

    static SimRequest read(HttpExchange exchange) {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            return new SimRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String header(String name) {
        return headers.getFirst(name);
    }

    /** A query string parameter, decoded as a browser form would encode it ({@code +} is a space); null if absent. */
    String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null ? null : values.get(0);
    }

    /** The body's fields: JSON or form-encoded, chosen by {@code Content-Type} (by the first byte when absent). */
    Params params() {
        if (params == null) {
            params = parseBody();
        }
        return params;
    }

    private Params parseBody() {
        String contentType = header("Content-Type");
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String text = new String(body, StandardCharsets.UTF_8);
        boolean json = type.startsWith("application/json") || (type.isEmpty() && text.stripLeading().startsWith("{"));
        if (json) {
            if (text.isBlank()) {
                return Params.ofJson(Json.mapper().createObjectNode());
            }
            JsonNode node;
            try {
                node = Json.mapper().readTree(text);
            } catch (IOException e) {
                throw SimError.badRequest("The request body is not valid JSON");
            }
            if (node == null || !node.isObject()) {
                throw SimError.badRequest("The request body must be a JSON object");
            }
            return Params.ofJson(node);
        }
        if (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded")) {
            return Params.ofForm(text.isEmpty() ? Map.of() : decodeForm(text, "request body"));
        }
        throw new SimError(415, "Unsupported Content-Type \"" + contentType
                + "\": send application/json or application/x-www-form-urlencoded");
    }

    private static Map<String, List<String>> decodeForm(String encoded, String what) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        try {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException e) {
            throw SimError.badRequest("Malformed percent-encoding in the " + what);
        }
        return fields;
    }

    private static List<String> segments(String rawPath) {
        String path = rawPath == null ? "/" : rawPath;
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(SimRequest::decodeSegment).toList();
    }

    /** A path segment decoded ({@code +} stays a plus in a path); left as is when its escapes are malformed. */
    private static String decodeSegment(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
