package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.DeploymentState;
import org.fleetdesk.api.Device;
import org.junit.jupiter.api.Test;

/** What simulated devices do with their deployments as simulated time passes. */
class DeviceBehaviourTest {

    private static SimServer start(double offlinePct, int devices) throws IOException {
        return SimServer.start(SimConfig.builder().devices(devices).seed(9).offlinePct(offlinePct).speed(0.0001).build());
    }

    @Test
    void anOnlineDevicePicksUpInstallsAndSucceeds() throws IOException {
        try (SimServer server = start(0, 10)) {
            SimHttp http = new SimHttp(server);
            String artefact = artefact(http, "https://example.com/kiosk-v1.0.tar.zst");
            List<String> devices = server.organisation().devices().stream().map(Device::id).toList();
            for (String device : devices) {
                JsonNode created = create(http, device, artefact);
                List<JsonNode> seen = walk(http, created.path("id").asText(), 60);
                List<String> states = seen.stream().map(d -> d.path("state").asText()).distinct().toList();
                String outcome = states.get(states.size() - 1);
                assertEquals(List.of("pending", "in_progress", outcome), states, device);
                assertTrue(outcome.equals("succeeded") || outcome.equals("failed"), outcome);
                JsonNode inProgress = seen.stream().filter(d -> d.path("state").asText().equals("in_progress")).findFirst().orElseThrow();
                JsonNode finished = seen.get(seen.size() - 1);
                Instant createdAt = Instant.parse(created.path("created_at").asText());
                Instant startedAt = Instant.parse(inProgress.path("updated_at").asText());
                Instant finishedAt = Instant.parse(finished.path("updated_at").asText());
                assertTrue(startedAt.isAfter(createdAt) && finishedAt.isAfter(startedAt), seen.toString());
                assertTrue(startedAt.minusSeconds(15).isBefore(createdAt), "picked up within seconds: " + seen);
                assertEquals(outcome.equals("failed"), !finished.path("state_reason").isNull());
            }
        }
    }

    @Test
    void aCorruptArtefactFailsEverywhereWithAChecksumMismatch() throws IOException {
        try (SimServer server = start(0, 30)) {
            SimHttp http = new SimHttp(server);
            String artefact = artefact(http, "https://example.com/CORRUPT-kiosk.tar.zst");
            for (Device device : server.organisation().devices()) {
                create(http, device.id(), artefact);
            }
            http.advance(3600);
            List<Deployment> all = server.organisation().deployments();
            assertEquals(30, all.size());
            for (Deployment deployment : all) {
                assertEquals(DeploymentState.FAILED, deployment.state());
                assertEquals("Checksum mismatch", deployment.stateReason());
            }
        }
    }

    @Test
    void aSmallSeededShareFailsToDownload() throws IOException {
        try (SimServer server = start(0, 400)) {
            SimHttp http = new SimHttp(server);
            String artefact = artefact(http, "https://example.com/kiosk-v2.tar.zst");
            for (Device device : server.organisation().devices()) {
                create(http, device.id(), artefact);
            }
            http.advance(3600);
            List<Deployment> all = server.organisation().deployments();
            long downloadFailed = all.stream().filter(d -> "Download failed".equals(d.stateReason())).count();
            long succeeded = all.stream().filter(d -> d.state() == DeploymentState.SUCCEEDED).count();
            assertTrue(downloadFailed >= 1 && downloadFailed <= 30, "download failures: " + downloadFailed);
            assertEquals(400, downloadFailed + succeeded);
        }
    }

    @Test
    void offlineDevicesKeepTheirDeploymentPendingUntilTheyComeBack() throws IOException {
        try (SimServer server = start(100, 3)) {
            SimHttp http = new SimHttp(server);
            String artefact = artefact(http, "https://example.com/kiosk.tar.zst");
            String device = server.organisation().devices().get(0).id();
            assertTrue(!server.organisation().isOnline(device));
            String id = create(http, device, artefact).path("id").asText();
            http.advance(7 * 86400);
            assertEquals("pending", state(http, id));
            SimHttp.Reply online = http.post("/_sim/devices/" + device + "/online", Map.of("online", true));
            assertEquals(200, online.status(), online.body());
            http.advance(3600);
            assertTrue(List.of("succeeded", "failed").contains(state(http, id)));

            String again = create(http, device, artefact).path("id").asText();
            http.post("/_sim/devices/" + device + "/online", Map.of("online", false));
            http.advance(3600);
            assertEquals("pending", state(http, again));
            assertEquals(404, http.post("/_sim/devices/unknown/online", Map.of("online", true)).status());
            assertEquals(400, http.post("/_sim/devices/" + device + "/online", Map.of("online", "maybe")).status());
        }
    }

    @Test
    void aNewDeploymentWaitsForTheOneBeingInstalled() throws IOException {
        try (SimServer server = start(0, 3)) {
            SimHttp http = new SimHttp(server);
            String artefact = artefact(http, "https://example.com/kiosk.tar.zst");
            String device = server.organisation().devices().get(0).id();
            String first = create(http, device, artefact).path("id").asText();
            while (!state(http, first).equals("in_progress")) {
                http.advance(1);
            }
            String second = create(http, device, artefact).path("id").asText();
            assertEquals("in_progress", state(http, first), "an installing deployment is not superseded");
            List<JsonNode> seen = walk(http, second, 120);
            JsonNode firstDone = http.get("/organisation/deployments/" + first).json();
            JsonNode secondStarted = seen.stream().filter(d -> d.path("state").asText().equals("in_progress")).findFirst().orElseThrow();
            assertTrue(!Instant.parse(secondStarted.path("updated_at").asText())
                    .isBefore(Instant.parse(firstDone.path("updated_at").asText())), seen + " / " + firstDone);
        }
    }

    @Test
    void tenThousandDeploymentsInFlightAreCheap() throws IOException {
        try (SimServer server = start(5, 10_000)) {
            Organisation organisation = server.organisation();
            String artefact = organisation.createArtefact("bulk", "https://example.com/bulk", ArtefactTest.CHECKSUM).id();
            for (Device device : organisation.devices()) {
                organisation.createDeployment(device.id(), artefact);
            }
            organisation.clock().advance(java.time.Duration.ofHours(1));
            List<Deployment> all = organisation.deployments();
            assertEquals(10_000, all.size());
            long pending = all.stream().filter(d -> d.state() == DeploymentState.PENDING).count();
            long offline = organisation.devices().stream().filter(d -> !organisation.isOnline(d.id())).count();
            assertEquals(offline, pending, "only offline devices still have theirs pending");
            assertTrue(offline > 300 && offline < 700, "offline: " + offline);
        }
    }

    private static List<JsonNode> walk(SimHttp http, String id, int maxSeconds) {
        List<JsonNode> seen = new ArrayList<>();
        for (int second = 0; second <= maxSeconds; second++) {
            JsonNode deployment = http.get("/organisation/deployments/" + id).json();
            seen.add(deployment);
            if (List.of("succeeded", "failed").contains(deployment.path("state").asText())) {
                return seen;
            }
            http.advance(1);
        }
        throw new AssertionError("not finished after " + maxSeconds + " s: " + seen);
    }

    private static String state(SimHttp http, String id) {
        return http.get("/organisation/deployments/" + id).json().path("state").asText();
    }

    private static JsonNode create(SimHttp http, String device, String artefact) {
        SimHttp.Reply reply = http.post(DeploymentTest.deployments(device), Map.of("artefact_id", artefact));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private static String artefact(SimHttp http, String uri) {
        SimHttp.Reply reply = http.post("/organisation/artefacts", Map.of("name", "a-" + uri.hashCode(), "uri", uri,
                "checksum", ArtefactTest.CHECKSUM));
        assertEquals(201, reply.status(), reply.body());
        return reply.json().path("id").asText();
    }
}
