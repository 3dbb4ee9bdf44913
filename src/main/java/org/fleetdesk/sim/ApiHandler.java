package org.fleetdesk.sim;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;

/**
 * Every request: faults first (Management API paths only), then the bearer token, then the route. Errors become
 * {@code {"message": …}} with {@code Content-Type: application/json; charset=utf-8}.
 */
final class ApiHandler implements HttpHandler {
    private static final String BEARER = "bearer ";
    private final byte[] token;
    private final Router router;
    private final Faults faults;

    ApiHandler(String token, Router router, Faults faults) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.router = router;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        SimResponse response;
        boolean managementApi = false;
        try {
            SimRequest request = SimRequest.read(exchange);
            managementApi = !request.segments.isEmpty() && request.segments.get(0).equals("organisation");
            response = managementApi ? faults.before() : null;
            if (response == null) {
                response = authorised(request) ? router.route(request)
                        : SimResponse.error(401, "The management API access token is invalid",
                                Map.of("WWW-Authenticate", "Bearer"));
            }
        } catch (SimError e) {
            response = SimResponse.error(e.status, e.getMessage());
        } catch (RuntimeException e) {
            response = SimResponse.error(500, "Internal server error");
        }
        send(exchange, response, managementApi && response.body().length > 0 && faults.truncate());
    }

    private boolean authorised(SimRequest request) {
        String header = request.header("Authorization");
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return false;
        }
        byte[] presented = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token);
    }

    /**
     * Sends the answer. A truncated one announces its full length, sends half, then fails the exchange, which makes
     * the server close the connection: the client sees the body end early.
     */
    private static void send(HttpExchange exchange, SimResponse response, boolean truncate) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().forEach(headers::set);
        byte[] body = response.body();
        if (body.length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            exchange.close();
            return;
        }
        headers.set("Content-Type", SimResponse.JSON);
        exchange.sendResponseHeaders(response.status(), body.length);
        OutputStream out = exchange.getResponseBody();
        if (truncate) {
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new IOException("simulated truncated response");
        }
        out.write(body);
        out.close();
    }
}
