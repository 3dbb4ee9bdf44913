package org.fleetdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the server's own words in an error answer. The API sends {@code {"message": "..."}}; a proxy or a wrong URL
 * may answer with an HTML page or plain text instead, which is described rather than dumped.
 */
final class ErrorBodies {
    private static final int MAX_LENGTH = 300;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private ErrorBodies() {
    }

    /** The message to show, or null when the answer had no body. */
    static String serverMessage(String contentType, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.startsWith("{")) {
            String message = jsonMessage(text);
            if (message != null) {
                return message;
            }
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("html") || text.startsWith("<")) {
            Matcher title = TITLE.matcher(text);
            String what = title.find() ? " (\"" + shorten(title.group(1).strip()) + "\")" : "";
            return "the server answered with an HTML page" + what + " instead of the API's JSON;"
                    + " check that the API URL points at the Management API";
        }
        return shorten(text.lines().findFirst().orElse(""));
    }

    private static String jsonMessage(String text) {
        try {
            JsonNode node = Json.mapper().readTree(text);
            JsonNode message = node.path("message");
            if (message.isTextual()) {
                return message.asText();
            }
            JsonNode error = node.path("error");
            return error.isTextual() ? error.asText() : shorten(node.toString());
        } catch (IOException e) {
            return null;
        }
    }

    private static String shorten(String text) {
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
    }
}
