package org.fleetdesk.api;

import static org.fleetdesk.api.MockApi.json;
import static org.fleetdesk.api.MockApi.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class DeploymentEndpointsTest {
    private static final String DEVICE = "69739b44-ebb2-468e-9e24-08126dec4925";
    private static final String ARTEFACT = "ee92e7e6-2c2c-4e7d-9d80-2cce8a6c7e8a";
    private static final String ID = "fdf45c44-2c0e-4f12-9b04-3a6a1c0d3b8d";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void listFiltersByStateAndParsesTheReferenceExample() throws Exception {
        server.enqueue(json(200, ReferenceExamples.DEPLOYMENTS));

        Page<Deployment> page = MockApi.client(server).listDeployments(DEVICE, DeploymentState.IN_PROGRESS, 1, 100);

        RecordedRequest request = take(server);
        assertEquals("GET /organisation/devices/" + DEVICE + "/deployments?page=1&per_page=100&state=in_progress",
                request.getMethod() + " " + request.getTarget());
        assertEquals(new Deployment(ID, DeploymentState.FAILED, "Checksum mismatch", DEVICE, ARTEFACT,
                Instant.parse("2026-02-25T16:09:52Z"), Instant.parse("2026-02-25T16:10:30Z")), page.items().get(0));
    }

    @Test
    void showCreateAndCancelUseTheDocumentedRequests() throws Exception {
        server.enqueue(json(200, ReferenceExamples.DEPLOYMENT));
        server.enqueue(json(201, ReferenceExamples.DEPLOYMENT_CREATED));
        server.enqueue(json(200, ReferenceExamples.DEPLOYMENT_CANCELLED));
        ConnectClient client = MockApi.client(server);

        Deployment shown = client.getDeployment(ID);
        Deployment created = client.createDeployment(DEVICE, ARTEFACT);
        Deployment cancelled = client.cancelDeployment(ID);

        RecordedRequest show = take(server);
        assertEquals("GET /organisation/deployments/" + ID, show.getMethod() + " " + show.getTarget());
        RecordedRequest create = take(server);
        assertEquals("POST /organisation/devices/" + DEVICE + "/deployments", create.getMethod() + " " + create.getTarget());
        assertEquals("{\"artefact_id\":\"" + ARTEFACT + "\"}", create.getBody().utf8());
        assertEquals("application/json", create.getHeaders().get("Content-Type"));
        RecordedRequest cancel = take(server);
        assertEquals("PUT /organisation/deployments/" + ID + "/cancel", cancel.getMethod() + " " + cancel.getTarget());
        assertEquals(0, cancel.getBodySize());

        assertEquals(DeploymentState.SUCCEEDED, shown.state());
        assertNull(shown.stateReason());
        assertEquals(DeploymentState.PENDING, created.state());
        assertEquals(DeploymentState.CANCELLED, cancelled.state());
    }

    @Test
    void theDocumentedRefusalsCarryTheServersMessage() {
        server.enqueue(json(403, ReferenceExamples.ERROR_BILLING));
        server.enqueue(json(422, ReferenceExamples.ERROR_CANCEL_SUCCEEDED));
        server.enqueue(json(400, "{\"message\":\"Invalid state\"}"));
        ConnectClient client = MockApi.client(server);

        ForbiddenException billing = assertThrows(ForbiddenException.class, () -> client.createDeployment(DEVICE, ARTEFACT));
        UnprocessableException cancel = assertThrows(UnprocessableException.class, () -> client.cancelDeployment(ID));
        BadRequestException badState = assertThrows(BadRequestException.class,
                () -> client.listDeployments(DEVICE, DeploymentState.PENDING, 1, 100));

        assertEquals("Deployments are blocked until billing has been set up", billing.serverMessage());
        assertEquals("Cannot cancel deployment in state \"succeeded\"", cancel.serverMessage());
        assertEquals("Invalid state", badState.serverMessage());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void missingIdsNeverReachTheNetwork() {
        ConnectClient client = MockApi.client(server);

        assertThrows(InvalidInputException.class, () -> client.createDeployment(DEVICE, ""));
        assertThrows(InvalidInputException.class, () -> client.createDeployment(null, ARTEFACT));
        assertThrows(InvalidInputException.class, () -> client.listDeployments("", null, 1, 100));

        assertEquals(0, server.getRequestCount());
    }
}
