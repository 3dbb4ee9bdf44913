package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArtefactTest {
    static final String CHECKSUM = "d39fc02ad7878db7f6803f54dfce89346a763a603cb8e62221ba893fee9c5cc6";
    private static final String PATH = "/organisation/artefacts";
    private SimServer server;
    private SimHttp http;

    @BeforeEach
    void start() throws IOException {
        server = SimServer.start(SimConfig.builder().devices(5).seed(7).build());
        http = new SimHttp(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void createFromJsonOrForm() {
        SimHttp.Reply json = http.post(PATH, Map.of("name", "kiosk-v1.0", "uri", "https://example.com/kiosk-v1.0.tar.zst",
                "checksum", CHECKSUM));
        assertEquals(201, json.status(), json.body());
        JsonNode artefact = json.json();
        List<String> fields = new ArrayList<>();
        artefact.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "name", "uri", "checksum"), fields);
        assertEquals("kiosk-v1.0", artefact.path("name").asText());
        assertEquals("https://example.com/kiosk-v1.0.tar.zst", artefact.path("uri").asText());
        assertEquals(CHECKSUM, artefact.path("checksum").asText());

        SimHttp.Reply form = http.postForm(PATH, "name=kiosk-v1.1&uri=http%3A%2F%2Fmirror.local%2Fkiosk.tar.zst&checksum=" + CHECKSUM);
        assertEquals(201, form.status(), form.body());
        assertEquals("http://mirror.local/kiosk.tar.zst", form.json().path("uri").asText());
        assertEquals(2, server.organisation().artefacts().size());
    }

    @Test
    void nameIsRequiredAndUnique() {
        SimHttp.Reply blank = http.post(PATH, Map.of("name", " ", "uri", "https://example.com/a", "checksum", CHECKSUM));
        assertEquals(422, blank.status());
        assertEquals("{\"message\":\"Validation failed: Name can't be blank\"}", blank.body());
        assertEquals(201, create("kiosk-v1.0").status());
        SimHttp.Reply duplicate = create("kiosk-v1.0");
        assertEquals(422, duplicate.status());
        assertEquals("Validation failed: Name has already been taken", duplicate.message());
    }

    @Test
    void uriMustBeHttpOrHttps() {
        for (String uri : List.of("", "ftp://example.com/a", "example.com/a", "file:///tmp/a", "https://", "not a uri")) {
            SimHttp.Reply reply = http.post(PATH, Map.of("name", "a", "uri", uri, "checksum", CHECKSUM));
            assertEquals(422, reply.status(), uri);
            assertTrue(reply.message().startsWith("Validation failed: Uri"), reply.message());
        }
    }

    @Test
    void checksumIs64HexCharacters() {
        for (String checksum : List.of("", "abc", CHECKSUM + "0", CHECKSUM.substring(1) + "g")) {
            SimHttp.Reply reply = http.post(PATH, Map.of("name", "a", "uri", "https://example.com/a", "checksum", checksum));
            assertEquals(422, reply.status(), checksum);
            assertTrue(reply.message().startsWith("Validation failed: Checksum"), reply.message());
        }
        assertEquals(201, http.post(PATH, Map.of("name", "upper", "uri", "https://example.com/a",
                "checksum", CHECKSUM.toUpperCase())).status());
    }

    @Test
    void everyProblemIsListedInOneMessage() {
        SimHttp.Reply reply = http.post(PATH, Map.of());
        assertEquals("Validation failed: Name can't be blank, Uri can't be blank, Checksum can't be blank", reply.message());
    }

    @Test
    void listIsSortedByNameWithACaseInsensitivePrefixFilter() {
        for (String name : List.of("signage-2", "Kiosk-v2", "kiosk-v1", "gateway", "KIOSK-beta")) {
            assertEquals(201, create(name).status());
        }
        assertEquals(List.of("gateway", "KIOSK-beta", "kiosk-v1", "Kiosk-v2", "signage-2"),
                http.get(PATH).texts("artefacts", "name"));
        assertEquals(List.of("KIOSK-beta", "kiosk-v1", "Kiosk-v2"), http.get(PATH + "?name=kiosk").texts("artefacts", "name"));
        assertEquals(List.of("kiosk-v1", "Kiosk-v2"), http.get(PATH + "?name=KIOSK-V").texts("artefacts", "name"));
        SimHttp.Reply paged = http.get(PATH + "?name=kiosk&per_page=2&page=2");
        assertEquals(List.of("Kiosk-v2"), paged.texts("artefacts", "name"));
        PaginationTest.assertMeta(paged.json(), 2, 2, 3, 2);
        assertEquals(0, http.get(PATH + "?name=iosk").items("artefacts").size(), "a prefix, not a substring");
    }

    @Test
    void deleteAnswers204UnlessDeployed() {
        String unused = create("unused").json().path("id").asText();
        assertEquals(204, http.delete(PATH + "/" + unused).status());
        assertEquals(404, http.delete(PATH + "/" + unused).status());

        String deployed = create("deployed").json().path("id").asText();
        String device = server.organisation().devices().get(0).id();
        assertEquals(201, http.post("/organisation/devices/" + device + "/deployments", Map.of("artefact_id", deployed)).status());
        SimHttp.Reply refused = http.delete(PATH + "/" + deployed);
        assertEquals(422, refused.status());
        assertEquals("{\"message\":\"Cannot delete artefacts that have been deployed\"}", refused.body());
        assertEquals(1, server.organisation().artefacts().size());
    }

    private SimHttp.Reply create(String name) {
        return http.post(PATH, Map.of("name", name, "uri", "https://example.com/" + name + ".tar.zst", "checksum", CHECKSUM));
    }
}
