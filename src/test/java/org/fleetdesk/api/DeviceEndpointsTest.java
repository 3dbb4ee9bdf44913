package org.fleetdesk.api;

import static org.fleetdesk.api.MockApi.json;
import static org.fleetdesk.api.MockApi.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.fleetdesk.Version;
import org.junit.jupiter.api.Test;

class DeviceEndpointsTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void listDevicesSendsTheHeadersAndParsesTheReferenceExample() throws Exception {
        server.enqueue(json(200, ReferenceExamples.DEVICES));

        Page<Device> page = MockApi.client(server).listDevices(null, 1, 100);

        RecordedRequest request = take(server);
        assertEquals("GET", request.getMethod());
        assertEquals("/organisation/devices?page=1&per_page=100", request.getTarget());
        assertEquals("Bearer " + MockApi.TOKEN, request.getHeaders().get("Authorization"));
        assertEquals("fleetdesk/" + Version.get(), request.getHeaders().get("User-Agent"));
        assertEquals("application/json", request.getHeaders().get("Accept"));
        assertEquals(0, request.getBodySize());

        Device device = page.items().get(0);
        assertEquals(new Device("69739b44-ebb2-468e-9e24-08126dec4925", "raspberrypi5", "ea636879c4d47a37",
                List.of("production", "kiosk"), new Board("Raspberry Pi 5", "1.0", "8 GB"),
                new OsInfo("Raspberry Pi OS", "13 (Trixie)"), "aarch64",
                Map.of("model", "5", "memory", "8gb", "os", "raspios-13")), device);
        assertEquals(new PageMeta(1, 100, 1, 1), page.meta());
    }

    @Test
    void queryValuesArePercentEncodedStrictly() throws Exception {
        server.enqueue(json(200, ReferenceExamples.DEVICES));

        MockApi.client(server).listDevices("model:3b+ tag:kiosk dash board", 2, 10);

        assertEquals("/organisation/devices?page=2&per_page=10&query=model%3A3b%2B%20tag%3Akiosk%20dash%20board",
                take(server).getTarget());
    }

    @Test
    void nonAsciiAndReservedCharactersInAQueryArePercentEncodedAsUtf8() throws Exception {
        server.enqueue(json(200, ReferenceExamples.DEVICES));

        MockApi.client(server).listDevices("café&x=1#/?", 1, 100);

        assertTrue(take(server).getTarget().endsWith("&query=caf%C3%A9%26x%3D1%23%2F%3F"));
    }

    @Test
    void aDeviceOnAnOldClientHasNoBoardOsOrFilters() {
        server.enqueue(json(200, """
                {"devices":[{"id":"d1","name":"old","serial_number":"s","tags":[],"board":null,"os":null,
                "kernel_architecture":null,"filters":{},"added_later":"ignored"}],
                "meta":{"page":1,"per_page":100,"total_count":1,"total_pages":1}}"""));

        Device device = MockApi.client(server).listDevices(null, 1, 100).items().get(0);

        assertNull(device.board());
        assertNull(device.os());
        assertNull(device.kernelArchitecture());
        assertTrue(device.filters().isEmpty());
        assertTrue(device.isOldClient());
    }

    @Test
    void deleteDeviceSendsDeleteToTheDevicePath() throws Exception {
        server.enqueue(MockApi.noContent());

        MockApi.client(server).deleteDevice("69739b44-ebb2-468e-9e24-08126dec4925");

        RecordedRequest request = take(server);
        assertEquals("DELETE", request.getMethod());
        assertEquals("/organisation/devices/69739b44-ebb2-468e-9e24-08126dec4925", request.getTarget());
    }

    @Test
    void deletingAnUnknownDeviceIsNotFound() {
        server.enqueue(json(404, "{\"message\":\"Not found\"}"));

        NotFoundException e = assertThrows(NotFoundException.class, () -> MockApi.client(server).deleteDevice("nope"));

        assertEquals("Not found", e.serverMessage());
    }

    @Test
    void listAllDevicesFollowsTotalPagesWhateverThePageSize() throws Exception {
        for (int page = 1; page <= 3; page++) {
            server.enqueue(json(200, "{\"devices\":[{\"id\":\"d" + page + "\"}],"
                    + "\"meta\":{\"page\":" + page + ",\"per_page\":1,\"total_count\":3,\"total_pages\":3}}"));
        }

        List<Device> devices = MockApi.client(server).listAllDevices("tag:kiosk");

        assertEquals(List.of("d1", "d2", "d3"), devices.stream().map(Device::id).toList());
        assertEquals("/organisation/devices?page=1&per_page=100&query=tag%3Akiosk", take(server).getTarget());
        assertEquals("/organisation/devices?page=2&per_page=100&query=tag%3Akiosk", take(server).getTarget());
        assertEquals("/organisation/devices?page=3&per_page=100&query=tag%3Akiosk", take(server).getTarget());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void invalidPagingAndIdsAreRefusedBeforeSending() {
        ConnectClient client = MockApi.client(server);

        assertThrows(InvalidInputException.class, () -> client.listDevices(null, 0, 100));
        assertThrows(InvalidInputException.class, () -> client.listDevices(null, 1, 101));
        assertThrows(InvalidInputException.class, () -> client.deleteDevice(" "));
        assertThrows(InvalidInputException.class, () -> client.deleteDevice("a/../b"));

        assertEquals(0, server.getRequestCount());
    }
}
