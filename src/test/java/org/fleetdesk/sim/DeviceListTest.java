package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeviceListTest {
    private static SimServer server;
    private static SimHttp http;

    @BeforeAll
    static void start() throws IOException {
        server = SimServer.start(SimConfig.builder().devices(1000).seed(3).build());
        http = new SimHttp(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void devicesAreSortedAlphabeticallyByName() {
        List<String> names = new ArrayList<>();
        for (int page = 1; page <= 10; page++) {
            names.addAll(http.get("/organisation/devices?page=" + page).texts("devices", "name"));
        }
        assertEquals(1000, names.size());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, names);
    }

    @Test
    void aCurrentDeviceHasEveryDocumentedFieldInOrder() {
        JsonNode device = firstWhere(d -> !d.path("board").isNull());
        List<String> fields = new ArrayList<>();
        device.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "name", "serial_number", "tags", "board", "os", "kernel_architecture", "filters"), fields);
        assertTrue(device.path("id").asText().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertTrue(device.path("serial_number").asText().matches("[0-9a-f]{16}"));
        assertTrue(device.path("tags").isArray());
        List<String> boardFields = new ArrayList<>();
        device.path("board").fieldNames().forEachRemaining(boardFields::add);
        assertEquals(List.of("model", "revision", "memory"), boardFields);
        assertEquals("Raspberry Pi OS", device.path("os").path("name").asText());
        List<String> filterFields = new ArrayList<>();
        device.path("filters").fieldNames().forEachRemaining(filterFields::add);
        assertEquals(List.of("model", "memory", "os"), filterFields);
    }

    @Test
    void aboutOneDeviceInTenRunsAnOldClient() throws IOException {
        int old = 0;
        for (int page = 1; page <= 10; page++) {
            for (JsonNode node : http.get("/organisation/devices?page=" + page).items("devices")) {
                Device device = Json.mapper().treeToValue(node, Device.class);
                boolean nothingKnown = device.board() == null && device.os() == null
                        && device.kernelArchitecture() == null && device.filters().isEmpty();
                boolean everythingKnown = device.board() != null && device.os() != null
                        && device.kernelArchitecture() != null && device.filters().size() == 3;
                assertTrue(nothingKnown || everythingKnown, node.toString());
                if (nothingKnown) {
                    old++;
                    assertTrue(node.path("board").isNull() && node.path("os").isNull()
                            && node.path("kernel_architecture").isNull(), "explicit nulls: " + node);
                    assertEquals(0, node.path("filters").size());
                }
            }
        }
        assertTrue(old >= 60 && old <= 140, "old clients: " + old);
    }

    @Test
    void deletingADeviceAnswers204ThenItIsGone() throws IOException {
        try (SimServer own = SimServer.start(SimConfig.builder().devices(1000).seed(3).build())) {
            deleteOneOf(own, new SimHttp(own));
        }
    }

    private static void deleteOneOf(SimServer server, SimHttp http) {
        Device victim = server.organisation().devices().get(500);
        SimHttp.Reply reply = http.delete("/organisation/devices/" + victim.id());
        assertEquals(204, reply.status());
        assertEquals("", reply.body());
        assertFalse(http.get("/organisation/devices?per_page=100&query=" + victim.serialNumber())
                .texts("devices", "id").contains(victim.id()));
        assertTrue(server.organisation().device(victim.id()).isEmpty());
        SimHttp.Reply again = http.delete("/organisation/devices/" + victim.id());
        assertEquals(404, again.status());
        AuthAndErrorsTest.assertJsonError(again);
        assertEquals(999, http.get("/organisation/devices").json().path("meta").path("total_count").asInt());
        assertEquals(404, http.get("/organisation/devices/" + victim.id() + "/deployments").status());
    }

    @Test
    void unknownDevicesAre404() {
        assertEquals(404, http.delete("/organisation/devices/00000000-0000-4000-8000-000000000000").status());
        assertNull(server.organisation().device("nope").orElse(null));
    }

    private static JsonNode firstWhere(java.util.function.Predicate<JsonNode> condition) {
        return http.get("/organisation/devices").items("devices").stream().filter(condition).findFirst().orElseThrow();
    }
}
