package org.fleetdesk.api;

import static org.fleetdesk.api.MockApi.json;
import static org.fleetdesk.api.MockApi.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class DeviceIdentityEndpointsTest {
    private static final String ID = "096ce472-2cbd-412a-8295-6c03a1a07ba4";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void listShowUpdateAndDeleteUseTheDocumentedRequests() throws Exception {
        server.enqueue(json(200, ReferenceExamples.IDENTITIES));
        server.enqueue(json(200, ReferenceExamples.IDENTITY));
        server.enqueue(json(200, ReferenceExamples.IDENTITY_UPDATED));
        server.enqueue(MockApi.noContent());
        ConnectClient client = MockApi.client(server);

        Page<DeviceIdentity> page = client.listDeviceIdentities(1, 100);
        DeviceIdentity shown = client.getDeviceIdentity(ID);
        DeviceIdentity updated = client.updateDeviceIdentity(ID, new DeviceIdentityUpdate("my-renamed-device-identity",
                "pi5-001", List.of("production", "kiosk")));
        client.deleteDeviceIdentity(ID);

        RecordedRequest list = take(server);
        assertEquals("GET /organisation/device-identities?page=1&per_page=100", list.getMethod() + " " + list.getTarget());
        RecordedRequest show = take(server);
        assertEquals("GET /organisation/device-identities/" + ID, show.getMethod() + " " + show.getTarget());
        RecordedRequest update = take(server);
        assertEquals("PATCH /organisation/device-identities/" + ID, update.getMethod() + " " + update.getTarget());
        assertEquals("application/json", update.getHeaders().get("Content-Type"));
        assertEquals("{\"description\":\"my-renamed-device-identity\",\"device_name\":\"pi5-001\","
                + "\"tags\":[\"production\",\"kiosk\"]}", update.getBody().utf8());
        RecordedRequest delete = take(server);
        assertEquals("DELETE /organisation/device-identities/" + ID, delete.getMethod() + " " + delete.getTarget());

        DeviceIdentity expected = new DeviceIdentity(ID, "my-device-identity", "pi5-001", List.of(),
                Instant.parse("2026-02-25T16:09:52Z"), "-----BEGIN PUBLIC KEY-----...");
        assertEquals(List.of(expected), page.items());
        assertEquals(expected, shown);
        assertEquals(List.of("production", "kiosk"), updated.tags());
        assertEquals("my-renamed-device-identity", updated.description());
    }

    @Test
    void listAllFollowsTheServersPages() {
        server.enqueue(json(200, "{\"device_identities\":[{\"id\":\"a\"}],\"meta\":{\"page\":1,\"per_page\":1,"
                + "\"total_count\":2,\"total_pages\":2}}"));
        server.enqueue(json(200, "{\"device_identities\":[{\"id\":\"b\"}],\"meta\":{\"page\":2,\"per_page\":1,"
                + "\"total_count\":2,\"total_pages\":2}}"));

        List<DeviceIdentity> all = MockApi.client(server).listAllDeviceIdentities();

        assertEquals(List.of("a", "b"), all.stream().map(DeviceIdentity::id).toList());
    }

    @Test
    void theServersBlankDescriptionRefusalOnUpdateCarriesItsMessage() {
        server.enqueue(json(422, ReferenceExamples.ERROR_DESCRIPTION_BLANK));

        UnprocessableException e = assertThrows(UnprocessableException.class, () -> MockApi.client(server)
                .updateDeviceIdentity(ID, new DeviceIdentityUpdate(null, "pi5-002", null)));

        assertEquals("Validation failed: Description can't be blank", e.serverMessage());
    }

    @Test
    void anUnknownIdentityIsNotFound() {
        server.enqueue(json(404, "{\"message\":\"Not found\"}"));

        assertThrows(NotFoundException.class, () -> MockApi.client(server).getDeviceIdentity("missing"));
    }

    @Test
    void invalidUpdatesNeverReachTheNetwork() {
        ConnectClient client = MockApi.client(server);

        assertThrows(InvalidInputException.class, () -> client.updateDeviceIdentity(ID,
                new DeviceIdentityUpdate(null, null, null)));
        assertThrows(InvalidInputException.class, () -> client.updateDeviceIdentity(ID,
                new DeviceIdentityUpdate(null, null, List.of("UPPER"))));
        assertThrows(InvalidInputException.class, () -> client.prepareDeviceIdentity(
                new NewDeviceIdentity(TestKeys.pem(TestKeys.p256().getPublic()), "", null, null)));

        assertEquals(0, server.getRequestCount());
    }
}
