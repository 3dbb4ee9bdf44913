package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthAndErrorsTest {
    private static SimServer server;
    private static SimHttp http;

    @BeforeAll
    static void start() throws IOException {
        server = SimServer.start(SimConfig.builder().devices(20).seed(1).build());
        http = new SimHttp(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/organisation/devices", "/organisation/auth-keys", "/organisation/device-identities",
            "/organisation/artefacts", "/organisation/deployments/x", "/_sim/clock"})
    void refusesRequestsWithoutTheToken(String path) {
        HttpRequest.Builder anonymous = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        assertUnauthorised(http.send(anonymous.copy().GET()));
        assertUnauthorised(http.send(anonymous.copy().header("Authorization", "Bearer rporg_wrong").GET()));
        assertUnauthorised(http.send(anonymous.copy().header("Authorization", server.token()).GET()));
        assertUnauthorised(http.send(anonymous.copy().header("Authorization", "Basic " + server.token()).GET()));
        assertUnauthorised(http.send(anonymous.copy().header("Authorization", "Bearer " + server.token() + "x").GET()));
    }

    @Test
    void refusesWritesWithoutTheTokenAndChangesNothing() {
        HttpRequest.Builder anonymous = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/organisation/auth-keys"))
                .header("Content-Type", "application/json");
        assertUnauthorised(http.send(anonymous.POST(SimHttp.json(Map.of("description", "sneaky")))));
        assertTrue(server.organisation().authKeys().stream().noneMatch(k -> k.description().equals("sneaky")));
    }

    @Test
    void unknownEndpointsAnswer404InJson() {
        for (SimHttp.Reply reply : new SimHttp.Reply[] {http.get("/organisation/nothing"), http.get("/"),
                http.get("/organisation/artefacts/some-id"), http.delete("/organisation/devices"),
                http.put("/organisation/deployments/x")}) {
            assertEquals(404, reply.status(), reply.body());
            assertJsonError(reply);
        }
    }

    @Test
    void malformedBodiesAreRefusedWith400() {
        SimHttp.Reply reply = http.post("/organisation/auth-keys", "{\"description\": ");
        assertEquals(400, reply.status());
        assertJsonError(reply);
        assertEquals(400, http.post("/organisation/auth-keys", "[1,2]").status());
        assertEquals(400, http.post("/organisation/auth-keys", Map.of("description", "x", "tags", "production")).status());
        assertEquals(400, http.postForm("/organisation/auth-keys", "description=%zz").status());
    }

    @Test
    void unsupportedBodyTypesAreRefusedWith415() {
        SimHttp.Reply reply = http.send(http.request("/organisation/auth-keys").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("description=x")));
        assertEquals(415, reply.status());
        assertJsonError(reply);
    }

    @Test
    void documentedValidationErrorHasTheDocumentedBody() {
        SimHttp.Reply reply = http.post("/organisation/auth-keys", Map.of("description", " "));
        assertEquals(422, reply.status());
        assertEquals("{\"message\":\"Validation failed: Description can't be blank\"}", reply.body());
        assertEquals("application/json; charset=utf-8", reply.contentType());
    }

    private static void assertUnauthorised(SimHttp.Reply reply) {
        assertEquals(401, reply.status(), reply.body());
        assertJsonError(reply);
    }

    static void assertJsonError(SimHttp.Reply reply) {
        assertEquals("application/json; charset=utf-8", reply.contentType());
        assertNotNull(reply.message(), reply.body());
        assertEquals(1, reply.json().size(), "only a message: " + reply.body());
        assertTrue(!reply.message().isBlank());
    }
}
