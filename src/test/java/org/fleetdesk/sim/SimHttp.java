package org.fleetdesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fleetdesk.api.Json;

/** A small JDK HTTP client for driving a simulator over real HTTP in tests. */
final class SimHttp {
    private final SimServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SimHttp(SimServer server) {
        this.server = server;
    }

    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String message() {
            return json().path("message").asText(null);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse(null);
        }

        /** The items of a list answer ({@code devices}, {@code auth_keys}, …). */
        List<JsonNode> items(String name) {
            List<JsonNode> items = new ArrayList<>();
            json().path(name).forEach(items::add);
            return items;
        }

        List<String> texts(String name, String field) {
            return items(name).stream().map(item -> item.path(field).asText()).toList();
        }
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + server.token());
    }

    Reply get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    Reply put(String path) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    Reply post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(json(body)));
    }

    Reply patch(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", json(body)));
    }

    Reply postForm(String path, String form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Moves the simulated clock forward through the device-side endpoint. */
    void advance(long seconds) {
        Reply reply = post("/_sim/clock", java.util.Map.of("advance_seconds", seconds));
        if (reply.status() != 200) {
            throw new IllegalStateException("clock: " + reply.status() + " " + reply.body());
        }
    }

    static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                    : Json.mapper().writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
