package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimServerTest {

    @Test
    void servesOnLoopbackWithARandomTokenPerStart() throws IOException {
        try (SimServer first = SimServer.start(SimConfig.builder().devices(3).build());
             SimServer second = SimServer.start(SimConfig.builder().devices(3).build())) {
            assertTrue(first.port() > 0);
            assertEquals("http://127.0.0.1:" + first.port(), first.baseUrl());
            assertTrue(first.token().matches("rporg_[A-Za-z0-9]{40}"), "token format");
            assertNotEquals(first.token(), second.token());
            assertEquals(200, new SimHttp(first).get("/organisation/devices").status());
        }
    }

    @Test
    void acceptsTheConfiguredTokenAndPort() throws IOException {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (SimServer server = SimServer.start(SimConfig.builder().port(port).token("rporg_fixed").devices(1).build())) {
            assertEquals(port, server.port());
            assertEquals("rporg_fixed", server.token());
            assertEquals(200, new SimHttp(server).get("/organisation/devices").status());
        }
    }

    @Test
    void isNotReachableFromOtherInterfaces() throws IOException {
        List<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(nic -> !isLoopback(nic))
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress()).toList();
        try (SimServer server = SimServer.start(SimConfig.builder().devices(1).build())) {
            for (InetAddress address : external) {
                assertThrows(IOException.class, () -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, server.port()), 1000);
                    }
                }, "reachable on " + address);
            }
        }
    }

    @Test
    void aServerLeftRunningDoesNotKeepTheJvmAlive() throws IOException {
        try (SimServer server = SimServer.start(SimConfig.builder().devices(1).build())) {
            List<Thread> serving = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("HTTP-Dispatcher") || t.getName().startsWith("sim-http")).toList();
            assertTrue(!serving.isEmpty());
            assertTrue(serving.stream().allMatch(Thread::isDaemon), serving.toString());
            assertEquals(200, new SimHttp(server).get("/organisation/devices").status());
        }
    }

    @Test
    void stopsListening() throws IOException {
        SimServer server = SimServer.start(SimConfig.builder().devices(1).build());
        SimHttp http = new SimHttp(server);
        server.stop();
        assertThrows(UncheckedIOException.class, () -> http.get("/organisation/devices"));
    }

    @Test
    void configRefusesImpossibleSettings() {
        assertThrows(IllegalArgumentException.class, () -> SimConfig.builder().speed(0).build());
        assertThrows(IllegalArgumentException.class, () -> SimConfig.builder().failRate(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> SimConfig.builder().truncateRate(-0.1).build());
        assertThrows(IllegalArgumentException.class, () -> SimConfig.builder().offlinePct(101).build());
        assertThrows(IllegalArgumentException.class, () -> SimConfig.builder().devices(-1).build());
        assertThrows(IllegalArgumentException.class, () -> SimConfig.builder().port(70000).build());
        assertThrows(IllegalArgumentException.class, () -> SimConfig.builder().token("secret").build());
        assertThrows(IllegalArgumentException.class, () -> SimConfig.builder().rateLimit(-1).build());
    }

    @Test
    void configDefaultsAreThoseOfTheCommand() {
        SimConfig config = SimConfig.defaults();
        assertEquals(0, config.port());
        assertEquals(250, config.devices());
        assertEquals(1.0, config.speed());
        assertEquals(5.0, config.offlinePct());
        assertEquals(0, config.latencyMs());
        assertEquals(0, config.rateLimit());
        assertEquals(0.0, config.failRate());
        assertEquals(0.0, config.truncateRate());
        assertEquals(false, config.trialEnded());
        assertEquals(null, config.token());
        assertTrue(!SimConfig.builder().token("rporg_hidden").build().toString().contains("rporg_hidden"));
    }

    @Test
    void configCanBeCopiedAndChanged() {
        SimConfig config = SimConfig.builder().devices(7).seed(3).latencyMs(20).failRate(0.1).build();
        assertEquals(config, config.toBuilder().build());
        SimConfig changed = config.toBuilder().devices(8).build();
        assertEquals(8, changed.devices());
        assertEquals(3, changed.seed());
        assertEquals(20, changed.latencyMs());
    }

    private static boolean isLoopback(NetworkInterface nic) {
        try {
            return nic.isLoopback() || !nic.isUp();
        } catch (IOException e) {
            return true;
        }
    }
}
