package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.DeploymentState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentTest {
    private SimServer server;
    private SimHttp http;
    private String device;
    private String artefact;

    @BeforeEach
    void start() throws IOException {
        server = SimServer.start(SimConfig.builder().devices(20).seed(8).offlinePct(0).speed(0.0001).build());
        http = new SimHttp(server);
        device = server.organisation().devices().get(0).id();
        artefact = artefact("kiosk-v1.0");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void createFromJsonIsPending() {
        SimHttp.Reply reply = http.post(deployments(device), Map.of("artefact_id", artefact));
        assertEquals(201, reply.status(), reply.body());
        JsonNode deployment = reply.json();
        List<String> fields = new ArrayList<>();
        deployment.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "state", "state_reason", "device_id", "artefact_id", "created_at", "updated_at"), fields);
        assertEquals("pending", deployment.path("state").asText());
        assertTrue(deployment.path("state_reason").isNull());
        assertEquals(device, deployment.path("device_id").asText());
        assertEquals(artefact, deployment.path("artefact_id").asText());
        assertEquals(deployment.path("created_at").asText(), deployment.path("updated_at").asText());
    }

    @Test
    void createFromAFormIsPending() {
        SimHttp.Reply reply = http.postForm(deployments(device), "artefact_id=" + artefact);
        assertEquals(201, reply.status(), reply.body());
        assertEquals("pending", reply.json().path("state").asText());
    }

    @Test
    void aMissingArtefactIdIs400() {
        for (SimHttp.Reply reply : List.of(http.post(deployments(device), Map.of()),
                http.postForm(deployments(device), "artefact_id="), http.postForm(deployments(device), ""))) {
            assertEquals(400, reply.status(), reply.body());
            AuthAndErrorsTest.assertJsonError(reply);
        }
        assertTrue(server.organisation().deploymentsOf(device).isEmpty());
    }

    @Test
    void unknownDeviceOrArtefactIs404() {
        assertEquals(404, http.post(deployments("no-such-device"), Map.of("artefact_id", artefact)).status());
        SimHttp.Reply reply = http.post(deployments(device), Map.of("artefact_id", "no-such-artefact"));
        assertEquals(404, reply.status());
        AuthAndErrorsTest.assertJsonError(reply);
    }

    @Test
    void afterTheTrialDeploymentsAreForbiddenUntilBillingIsSetUp() throws IOException {
        try (SimServer ended = SimServer.start(SimConfig.builder().devices(3).seed(8).trialEnded(true).build())) {
            SimHttp endedHttp = new SimHttp(ended);
            String id = endedHttp.post("/organisation/artefacts", Map.of("name", "a", "uri", "https://example.com/a",
                    "checksum", ArtefactTest.CHECKSUM)).json().path("id").asText();
            String target = ended.organisation().devices().get(0).id();
            SimHttp.Reply refused = endedHttp.post(deployments(target), Map.of("artefact_id", id));
            assertEquals(403, refused.status());
            assertEquals("{\"message\":\"Deployments are blocked until billing has been set up\"}", refused.body());
            assertEquals(Map.of("trial_ended", false), Map.of("trial_ended",
                    endedHttp.post("/_sim/billing", Map.of("trial_ended", false)).json().path("trial_ended").asBoolean()));
            assertEquals(201, endedHttp.post(deployments(target), Map.of("artefact_id", id)).status());
        }
        assertEquals(200, http.post("/_sim/billing", Map.of("trial_ended", true)).status());
        assertEquals(403, http.post(deployments(device), Map.of("artefact_id", artefact)).status());
        assertTrue(http.get("/_sim/billing").json().path("trial_ended").asBoolean());
    }

    @Test
    void aNewDeploymentSupersedesThePendingOne() {
        String first = create(device, artefact);
        String second = create(device, artefact("kiosk-v1.1"));
        JsonNode superseded = http.get("/organisation/deployments/" + first).json();
        assertEquals("failed", superseded.path("state").asText());
        assertTrue(superseded.path("state_reason").asText().toLowerCase().contains("superseded"), superseded.toString());
        assertEquals("pending", http.get("/organisation/deployments/" + second).json().path("state").asText());
        List<Deployment> history = server.organisation().deploymentsOf(device);
        assertEquals(1, history.stream().filter(d -> d.state() == DeploymentState.PENDING).count());
    }

    @Test
    void listIsMostRecentFirstWithAStateFilter() {
        String first = create(device, artefact);
        String second = create(device, artefact);
        String third = create(device, artefact);
        SimHttp.Reply all = http.get(deployments(device));
        assertEquals(List.of(third, second, first), all.texts("deployments", "id"));
        assertEquals(List.of(third), http.get(deployments(device) + "?state=pending").texts("deployments", "id"));
        assertEquals(List.of(second, first), http.get(deployments(device) + "?state=failed").texts("deployments", "id"));
        assertEquals(List.of(), http.get(deployments(device) + "?state=succeeded").texts("deployments", "id"));
        assertEquals(List.of(), http.get(deployments(server.organisation().devices().get(1).id())).texts("deployments", "id"));
        SimHttp.Reply unknown = http.get(deployments(device) + "?state=done");
        assertEquals(400, unknown.status());
        AuthAndErrorsTest.assertJsonError(unknown);
        assertEquals(404, http.get(deployments("no-such-device")).status());
    }

    @Test
    void showFindsOneDeploymentOr404() {
        String id = create(device, artefact);
        SimHttp.Reply reply = http.get("/organisation/deployments/" + id);
        assertEquals(200, reply.status());
        assertEquals(id, reply.json().path("id").asText());
        assertEquals(404, http.get("/organisation/deployments/unknown").status());
    }

    @Test
    void onlyAPendingDeploymentCanBeCancelled() {
        String id = create(device, artefact);
        SimHttp.Reply cancelled = http.put("/organisation/deployments/" + id + "/cancel");
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("cancelled", cancelled.json().path("state").asText());
        assertTrue(cancelled.json().path("state_reason").isNull());
        SimHttp.Reply again = http.put("/organisation/deployments/" + id + "/cancel");
        assertEquals(422, again.status());
        assertEquals("{\"message\":\"Cannot cancel deployment in state \\\"cancelled\\\"\"}", again.body());

        String done = create(device, artefact);
        http.advance(3600);
        String state = http.get("/organisation/deployments/" + done).json().path("state").asText();
        SimHttp.Reply finished = http.put("/organisation/deployments/" + done + "/cancel");
        assertEquals(422, finished.status());
        assertEquals("Cannot cancel deployment in state \"" + state + "\"", finished.message());

        String running = create(device, artefact);
        advanceUntil(running, "in_progress");
        assertEquals("Cannot cancel deployment in state \"in_progress\"",
                http.put("/organisation/deployments/" + running + "/cancel").message());
        assertEquals(404, http.put("/organisation/deployments/unknown/cancel").status());
    }

    @Test
    void deletingADeviceRemovesItsDeploymentsAndFreesTheArtefact() {
        String id = create(device, artefact);
        assertEquals(204, http.delete("/organisation/devices/" + device).status());
        assertEquals(404, http.get("/organisation/deployments/" + id).status());
        assertEquals(204, http.delete("/organisation/artefacts/" + artefact).status());
    }

    private void advanceUntil(String deploymentId, String state) {
        for (int i = 0; i < 60; i++) {
            if (http.get("/organisation/deployments/" + deploymentId).json().path("state").asText().equals(state)) {
                return;
            }
            http.advance(1);
        }
        throw new AssertionError(deploymentId + " never reached " + state);
    }

    private String create(String deviceId, String artefactId) {
        SimHttp.Reply reply = http.post(deployments(deviceId), Map.of("artefact_id", artefactId));
        assertEquals(201, reply.status(), reply.body());
        return reply.json().path("id").asText();
    }

    private String artefact(String name) {
        return http.post("/organisation/artefacts", Map.of("name", name, "uri", "https://example.com/" + name,
                "checksum", ArtefactTest.CHECKSUM)).json().path("id").asText();
    }

    static String deployments(String deviceId) {
        return "/organisation/devices/" + deviceId + "/deployments";
    }
}
