package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.fleetdesk.api.ReferenceExamples;
import org.junit.jupiter.api.Test;

class CliExitCodesTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private CliRun cli() {
        return CliRun.against(server);
    }

    @Test
    void aMissingTokenIsBadUsageAndSaysHowToFixIt() {
        CliRun.Result result = cli().without("FLEETDESK_TOKEN").run("devices", "list");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("set FLEETDESK_TOKEN"), result.err());
        assertTrue(result.err().contains("fleetdesk profile add"), result.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void anUnknownProfileIsBadUsage() {
        CliRun.Result result = cli().run("devices", "list", "--profile", "work");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("No profile named 'work'"), result.err());
    }

    @Test
    void invalidInputExitsWith2AndSendsNothing() {
        String[][] invalid = {
                {"auth-keys", "create", "--description", " "},
                {"auth-keys", "create", "--description", "d", "--tag", "Kiosk"},
                {"auth-keys", "create", "--description", "d", "--ttl-days", "91"},
                {"auth-keys", "create", "--description", "d", "--ttl-days", "soon"},
                {"auth-keys", "update", "k1"},
                {"auth-keys", "update", "k1", "--tag", "a", "--no-tags"},
                {"artefacts", "create", "--name", "n", "--uri", "https://e.com/a", "--checksum", "abc"},
                {"artefacts", "create", "--name", "n", "--uri", "http://e.com/a", "--checksum", "a".repeat(64)},
                {"artefacts", "create", "--name", "n", "--uri", "https://e.com/a", "--file", "/no/such/file"},
                {"deployments", "list", "--device", "d1", "--state", "finished"},
                {"devices", "list", "--per-page", "500"},
                {"devices", "list", "--unknown"},
                {"devices"},
                {"identities", "register", "--public-key", "/no/such.pem", "--description", "d", "--signature", "AA=="},
        };
        for (String[] args : invalid) {
            CliRun.Result result = cli().run(args);
            assertEquals(2, result.exitCode(), String.join(" ", args) + " -> " + result.err());
            assertTrue(!result.err().isBlank(), String.join(" ", args));
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void plainHttpToAnotherMachineIsRefused() {
        CliRun.Result result = cli().with("FLEETDESK_API_URL", "http://api.example.com").run("devices", "list");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("would send the token unencrypted"), result.err());
    }

    @Test
    void aRefusedTokenExitsWith3AndSaysWhatToDo() {
        server.enqueue(json(401, "{\"message\":\"Unauthorized\"}"));

        CliRun.Result result = cli().run("devices", "list");

        assertEquals(3, result.exitCode());
        assertTrue(result.err().contains("Error: Unauthorized (HTTP 401)"), result.err());
        assertTrue(result.err().contains("check FLEETDESK_TOKEN"), result.err());
    }

    @Test
    void notFoundExitsWith4() {
        server.enqueue(json(404, "{\"message\":\"Not found\"}"));

        CliRun.Result result = cli().run("deployments", "show", "nope");

        assertEquals(4, result.exitCode());
        assertTrue(result.err().contains("Not found (HTTP 404)"), result.err());
    }

    @Test
    void otherRefusalsExitWith5AndPrintTheServersMessage() {
        server.enqueue(json(422, ReferenceExamples.ERROR_DESCRIPTION_BLANK));
        server.enqueue(json(403, ReferenceExamples.ERROR_BILLING));
        server.enqueue(json(400, "{\"message\":\"Invalid state\"}"));

        CliRun.Result unprocessable = cli().run("auth-keys", "create", "--description", "d");
        CliRun.Result billing = cli().run("deployments", "create", "--device", "d1", "--artefact", "a1");
        CliRun.Result badRequest = cli().run("deployments", "list", "--device", "d1", "--state", "pending");

        assertEquals(5, unprocessable.exitCode());
        assertTrue(unprocessable.err().contains("Validation failed: Description can't be blank"), unprocessable.err());
        assertEquals(5, billing.exitCode());
        assertTrue(billing.err().contains("Deployments are blocked until billing has been set up"), billing.err());
        assertTrue(billing.err().contains("Set up billing in the Connect dashboard"), billing.err());
        assertEquals(5, badRequest.exitCode());
        assertTrue(badRequest.err().contains("Invalid state"), badRequest.err());
    }

    @Test
    void anUnreachableServerExitsWith6() throws IOException {
        String url = server.url("/").toString();
        server.close();

        CliRun.Result result = cli().with("FLEETDESK_API_URL", url).run("artefacts", "list");

        assertEquals(6, result.exitCode());
        assertTrue(result.err().contains("Network failure"), result.err());
    }

    @Test
    void aServiceThatKeepsFailingExitsWith6() {
        server.enqueue(json(503, "{\"message\":\"Down for maintenance\"}"));
        server.enqueue(json(503, "{\"message\":\"Down for maintenance\"}"));

        CliRun.Result result = cli().run("artefacts", "list");

        assertEquals(6, result.exitCode());
        assertTrue(result.err().contains("Down for maintenance"), result.err());
    }
}
