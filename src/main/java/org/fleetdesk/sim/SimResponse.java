package org.fleetdesk.sim;

import java.util.Map;

/** What the simulator answers: a status, a JSON body (empty for 204) and any extra headers. */
record SimResponse(int status, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json; charset=utf-8";

    static SimResponse json(int status, Object value) {
        return new SimResponse(status, value instanceof byte[] bytes ? bytes : ApiJson.bytes(value), Map.of());
    }

    static SimResponse ok(Object value) {
        return json(200, value);
    }

    static SimResponse created(Object value) {
        return json(201, value);
    }

    static SimResponse noContent() {
        return new SimResponse(204, new byte[0], Map.of());
    }

    static SimResponse error(int status, String message) {
        return new SimResponse(status, ApiJson.message(message), Map.of());
    }

    static SimResponse error(int status, String message, Map<String, String> headers) {
        return new SimResponse(status, ApiJson.message(message), headers);
    }
}
