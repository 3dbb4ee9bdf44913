package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.fleetdesk.api.Device;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code query} parameter of "list devices" over HTTP, against the documented semantics. */
class DeviceSearchTest {
    private static SimServer server;
    private static SimHttp http;
    private static List<Device> fleet;

    @BeforeAll
    static void start() throws IOException {
        server = SimServer.start(SimConfig.builder().devices(2000).seed(4).build());
        http = new SimHttp(server);
        link("point of sale 3", List.of("retail"));
        link("sensor:lab-7", List.of());
        link("Reception-KIOSK", List.of("kiosk"));
        fleet = server.organisation().devices();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void modelMatchesTheFilterValueInAnyCase() {
        assertSearch("model:5", d -> "5".equals(d.filters().get("model")));
        assertSearch("model:cm5", d -> "cm5".equals(d.filters().get("model")));
        assertEquals(ids("model:cm5"), ids("model:CM5"));
        assertEquals(0, ids("model:6").size());
    }

    @Test
    void repeatedModelMemoryOrOsMatchesAnyOfTheValues() {
        assertSearch("model:5 model:4b", d -> Set.of("5", "4b").contains(d.filters().getOrDefault("model", "")));
        assertSearch("memory:8gb memory:16gb", d -> Set.of("8gb", "16gb").contains(d.filters().getOrDefault("memory", "")));
        assertSearch("os:raspios-12 os:raspios-13", d -> d.filters().containsKey("os"));
    }

    @Test
    void differentQualifiersMustAllMatch() {
        assertSearch("model:4b memory:8gb os:raspios-13", d -> "4b".equals(d.filters().get("model"))
                && "8gb".equals(d.filters().get("memory")) && "raspios-13".equals(d.filters().get("os")));
    }

    @Test
    void everyTagMustMatch() {
        assertSearch("tag:production", d -> d.tags().contains("production"));
        assertSearch("tag:production tag:kiosk", d -> d.tags().containsAll(List.of("production", "kiosk")));
        assertEquals(ids("tag:kiosk"), ids("tag:KIOSK"));
        assertEquals(ids("tag:production"), ids("tag:production tag: model:\"\""), "empty qualifiers set no condition");
        assertEquals(0, ids("tag:production tag:staging").size());
    }

    @Test
    void theDocumentedExampleCombinesQualifiersAndText() {
        List<String> found = assertSearch("model:5 tag:production dashboard", d -> "5".equals(d.filters().get("model"))
                && d.tags().contains("production") && d.name().contains("dashboard"));
        assertFalse(found.isEmpty(), "the seeded fleet has such devices");
    }

    @Test
    void freeTextIsACaseInsensitiveSubstringOfNameOrSerial() {
        assertSearch("LEEDS", d -> d.name().contains("leeds"));
        Device device = fleet.get(fleet.size() / 2);
        String fragment = device.serialNumber().substring(5, 11).toUpperCase(Locale.ROOT);
        assertTrue(ids(fragment).contains(device.id()));
        assertSearch(fragment, d -> d.serialNumber().contains(fragment.toLowerCase(Locale.ROOT))
                || d.name().toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT)));
        assertSearch("a", d -> d.name().toLowerCase(Locale.ROOT).contains("a") || d.serialNumber().contains("a"));
        assertSearch("e4", d -> d.name().contains("e4") || d.serialNumber().contains("e4"));
        assertSearch("reception-kiosk", d -> d.name().equals("Reception-KIOSK"));
    }

    @Test
    void everyFreeTextTermMustMatch() {
        assertSearch("kiosk leeds 01", d -> d.name().contains("kiosk") && d.name().contains("leeds")
                && (d.name().contains("01") || d.serialNumber().contains("01")));
    }

    @Test
    void anUnknownQualifierIsFreeTextIncludingTheColon() {
        assertEquals(List.of("sensor:lab-7"), names("sensor:lab"));
        assertEquals(0, ids("colour:red").size());
    }

    @Test
    void aQuotedPhraseIsOneTerm() {
        assertEquals(List.of("point of sale 3"), names("\"point of sale\""));
        assertEquals(0, ids("\"sale of point\"").size());
        assertTrue(names("point of sale").contains("point of sale 3"));
        assertEquals(0, ids("\"tag:retail\"").size());
        assertEquals(names("tag:retail"), names("tag:\"retail\""));
    }

    @Test
    void oldClientsNeverMatchModelMemoryOrOs() {
        List<String> anyModel = ids(String.join(" ", List.of("model:4b", "model:5", "model:cm4", "model:cm5",
                "model:zero2w", "model:400", "model:500", "model:3b+", "model:cm5lite", "model:cm4s", "model:3b")));
        long current = fleet.stream().filter(d -> !d.isOldClient()).count();
        assertEquals(current, anyModel.size());
        assertTrue(current < fleet.size(), "the fleet has old clients");
        List<String> anyMemory = ids("memory:256mb memory:512mb memory:1gb memory:2gb memory:4gb memory:8gb memory:16gb");
        assertEquals(current, anyMemory.size());
    }

    @Test
    void aPlusMustBeEncodedOrItIsASpace() {
        List<String> plus = assertSearch("model:3b+", d -> "3b+".equals(d.filters().get("model")));
        assertFalse(plus.isEmpty(), "the fleet has 3B+ boards");
        List<String> unencoded = http.get("/organisation/devices?per_page=100&query=model:3b+").texts("devices", "id");
        assertEquals(ids("model:3b"), unencoded);
    }

    @Test
    void emptyQualifiersAndEmptyQueriesSetNoCondition() {
        int all = fleet.size();
        assertEquals(all, total(""));
        assertEquals(all, total("tag:"));
        assertEquals(all, total("\"\""));
        assertEquals(total("tag:kiosk"), total("tag: tag:kiosk"));
    }

    @Test
    void qualifierNamesIgnoreCase() {
        assertEquals(ids("tag:kiosk"), ids("TAG:kiosk"));
        assertEquals(ids("model:5"), ids("Model:5"));
    }

    @Test
    void queryComposesWithPagination() {
        List<Device> expected = fleet.stream().filter(d -> d.tags().contains("production")).toList();
        SimHttp.Reply second = http.get("/organisation/devices?per_page=10&page=2&query=" + encode("tag:production"));
        PaginationTest.assertMeta(second.json(), 2, 10, expected.size(), (expected.size() + 9) / 10);
        assertEquals(expected.subList(10, 20).stream().map(Device::id).toList(), second.texts("devices", "id"));
    }

    /** Checks that the query finds exactly the devices the predicate selects, in list order; returns their ids. */
    private static List<String> assertSearch(String query, Predicate<Device> expected) {
        List<String> want = fleet.stream().filter(expected).map(Device::id).toList();
        List<String> got = ids(query);
        assertEquals(want, got, query);
        return got;
    }

    private static List<String> ids(String query) {
        return collect(query, "id");
    }

    private static List<String> names(String query) {
        return collect(query, "name");
    }

    private static int total(String query) {
        return http.get("/organisation/devices?query=" + encode(query)).json().path("meta").path("total_count").asInt();
    }

    private static List<String> collect(String query, String field) {
        List<String> values = new ArrayList<>();
        for (int page = 1; ; page++) {
            SimHttp.Reply reply = http.get("/organisation/devices?per_page=100&page=" + page + "&query=" + encode(query));
            assertEquals(200, reply.status(), reply.body());
            values.addAll(reply.texts("devices", field));
            if (page >= reply.json().path("meta").path("total_pages").asInt()) {
                return values;
            }
        }
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void link(String name, List<String> tags) {
        SimHttp.Reply key = http.post("/organisation/auth-keys", Map.of("description", name, "device_name", name, "tags", tags));
        assertEquals(201, key.status(), key.body());
        SimHttp.Reply device = http.post("/_sim/auth-keys/exchange", Map.of("secret", key.json().path("secret").asText(),
                "hostname", "raspberrypi"));
        assertEquals(201, device.status(), device.body());
    }
}
