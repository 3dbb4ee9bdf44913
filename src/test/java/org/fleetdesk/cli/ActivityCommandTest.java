package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.fleetdesk.api.Json;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityCommandTest {
    @TempDir
    Path home;
    private SimServer server;
    private SimCli cli;

    @BeforeEach
    void start() throws Exception {
        server = SimServer.start(SimConfig.builder().devices(10).seed(2).build());
        cli = new SimCli(server, home);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void changesMadeByTheCliAreJournalledAndListedWithoutTheSecret() throws Exception {
        CliRun.Result created = cli.run("auth-keys", "create", "--description", "lobby screen", "--format", "json");
        assertEquals(0, created.exitCode(), created.err());
        String secret = Json.mapper().readTree(created.out()).get("secret").asText();
        assertEquals(0, cli.run("artefacts", "create", "--name", "bad", "--uri", "https://example.com/x.img",
                "--checksum", "a".repeat(64)).exitCode());
        assertEquals(5, cli.run("artefacts", "create", "--name", "bad", "--uri", "https://example.com/y.img",
                "--checksum", "b".repeat(64)).exitCode(), "a duplicate name is refused by the API");

        CliRun.Result json = cli.run("activity", "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode entries = Json.mapper().readTree(json.out());
        assertEquals(3, entries.size());
        assertEquals("artefact created", entries.get(0).get("action").asText());
        assertTrue(entries.get(0).get("outcome").asText().startsWith("failed (HTTP 422)"));
        assertEquals("auth key created", entries.get(2).get("action").asText());
        assertEquals("lobby screen", entries.get(2).get("subject").asText());
        assertEquals("CLI", entries.get(2).get("source").asText());
        assertFalse(json.out().contains(secret));

        CliRun.Result csv = cli.run("activity", "--action", "auth key created", "--format", "csv");
        assertEquals(2, csv.out().strip().split("\r?\n").length, csv.out());
        assertTrue(csv.out().contains("lobby screen"));
    }

    @Test
    void aBadDateIsExplained() {
        CliRun.Result result = cli.run("activity", "--since", "yesterday");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("YYYY-MM-DD"), result.err());
    }
}
