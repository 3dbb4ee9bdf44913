package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaginationTest {
    private static SimServer server;
    private static SimHttp http;

    @BeforeAll
    static void start() throws IOException {
        server = SimServer.start(SimConfig.builder().devices(250).seed(2).build());
        http = new SimHttp(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void firstPageOf100ByDefault() {
        SimHttp.Reply reply = http.get("/organisation/devices");
        assertEquals(100, reply.items("devices").size());
        assertMeta(reply.json(), 1, 100, 250, 3);
    }

    @Test
    void perPageIsNeverMoreThan100() {
        SimHttp.Reply reply = http.get("/organisation/devices?per_page=500");
        assertEquals(100, reply.items("devices").size());
        assertMeta(reply.json(), 1, 100, 250, 3);
    }

    @Test
    void smallerPagesCoverEveryDeviceOnceInOrder() {
        List<String> all = http.get("/organisation/devices?per_page=100").texts("devices", "id");
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 9; page++) {
            SimHttp.Reply reply = http.get("/organisation/devices?per_page=30&page=" + page);
            assertMeta(reply.json(), page, 30, 250, 9);
            paged.addAll(reply.texts("devices", "id"));
        }
        assertEquals(250, paged.size());
        assertEquals(250, new HashSet<>(paged).size());
        assertEquals(all, paged.subList(0, 100));
        assertEquals(server.organisation().devices().stream().map(d -> d.id()).toList(), paged);
    }

    @Test
    void lastPageIsPartialAndPagesPastTheEndAreEmpty() {
        assertEquals(50, http.get("/organisation/devices?page=3").items("devices").size());
        SimHttp.Reply past = http.get("/organisation/devices?page=4");
        assertEquals(200, past.status());
        assertEquals(0, past.items("devices").size());
        assertMeta(past.json(), 4, 100, 250, 3);
        assertEquals(0, http.get("/organisation/devices?page=2147483647").items("devices").size());
    }

    @Test
    void unusableValuesFallBackToTheDefaults() {
        assertMeta(http.get("/organisation/devices?page=0&per_page=0").json(), 1, 100, 250, 3);
        assertMeta(http.get("/organisation/devices?page=-3&per_page=-1").json(), 1, 100, 250, 3);
        assertMeta(http.get("/organisation/devices?page=abc&per_page=x").json(), 1, 100, 250, 3);
    }

    @Test
    void everyListIsPaginatedTheSameWay() {
        for (int i = 0; i < 5; i++) {
            http.post("/organisation/auth-keys", Map.of("description", "key " + i));
            http.post("/organisation/artefacts", Map.of("name", "page-test-" + i, "uri", "https://example.com/" + i,
                    "checksum", "a".repeat(64)));
        }
        String artefact = server.organisation().artefacts().get(0).id();
        String device = server.organisation().devices().get(0).id();
        for (int i = 0; i < 5; i++) {
            http.post("/organisation/devices/" + device + "/deployments", Map.of("artefact_id", artefact));
        }
        for (String path : List.of("/organisation/auth-keys", "/organisation/artefacts",
                "/organisation/devices/" + device + "/deployments")) {
            String name = path.endsWith("auth-keys") ? "auth_keys" : path.endsWith("artefacts") ? "artefacts" : "deployments";
            SimHttp.Reply second = http.get(path + "?per_page=2&page=2");
            assertEquals(2, second.items(name).size(), path);
            assertMeta(second.json(), 2, 2, 5, 3);
            assertEquals(1, http.get(path + "?per_page=2&page=3").items(name).size(), path);
            assertEquals(0, http.get(path + "?per_page=2&page=4").items(name).size(), path);
        }
        SimHttp.Reply identities = http.get("/organisation/device-identities");
        assertMeta(identities.json(), 1, 100, 0, 0);
        assertTrue(identities.json().path("device_identities").isArray());
    }

    static void assertMeta(JsonNode answer, int page, int perPage, int totalCount, int totalPages) {
        JsonNode meta = answer.path("meta");
        assertEquals(Map.of("page", page, "per_page", perPage, "total_count", totalCount, "total_pages", totalPages),
                Map.of("page", meta.path("page").asInt(), "per_page", meta.path("per_page").asInt(),
                        "total_count", meta.path("total_count").asInt(), "total_pages", meta.path("total_pages").asInt()),
                answer.toString());
    }
}
