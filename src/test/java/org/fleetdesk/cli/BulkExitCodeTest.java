package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkExitCodeTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private static String key(String name) {
        return "{\"id\":\"id-" + name + "\",\"description\":\"" + name + "\",\"device_name\":\"" + name + "\",\"tags\":[],"
                + "\"secret\":\"rpoak_secretof" + name.replace("-", "") + "\",\"expires_at\":\"2026-02-26T16:09:52Z\","
                + "\"exchanged_at\":null,\"created_at\":\"2026-02-25T16:09:52Z\"}";
    }

    @Test
    void aRefusedNameFailsAloneAndTheExitCodeIs5WithTheCount() throws Exception {
        server.enqueue(json(200, "{\"auth_keys\":[],\"meta\":{\"page\":1,\"per_page\":100,\"total_count\":0,"
                + "\"total_pages\":1}}"));
        server.enqueue(json(201, key("pi5-1")));
        server.enqueue(json(422, "{\"message\":\"Validation failed: Description is too long\"}"));
        server.enqueue(json(201, key("pi5-3")));

        CliRun.Result result = CliRun.against(server).run("auth-keys", "create", "--names", "pi5-{1..3}",
                "--out-dir", dir.toString(), "--concurrency", "1");

        assertEquals(5, result.exitCode(), result.err());
        assertTrue(result.out().contains("pi5-2  failed     -"), result.out());
        assertTrue(result.err().contains("2 of 3 auth keys done."), result.err());
        assertTrue(result.err().contains("  pi5-2: Validation failed: Description is too long (HTTP 422)"), result.err());
        assertTrue(result.err().contains("Error: 1 of 3 auth keys failed or were not started."), result.err());
        assertEquals("rpoak_secretofpi53\n", Files.readString(dir.resolve("pi5-3.key")));
        assertTrue(Files.notExists(dir.resolve("pi5-2.key")));
        assertEquals(4, server.getRequestCount());
    }
}
