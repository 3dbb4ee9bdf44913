package org.fleetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fleetdesk.api.Device;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.query.FacetCounts;
import org.fleetdesk.query.QueryMatcher;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.query.TestFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL translation answers exactly what {@link QueryMatcher} answers, on a realistic generated fleet. */
class QuerySqlEquivalenceTest {
    @TempDir
    static Path dir;
    private static FleetStore store;
    private static List<Device> fleet;

    @BeforeAll
    static void load() {
        store = FleetStore.open(dir.resolve("cache.sqlite"));
        fleet = TestFleet.generate(3000, 21);
        store.replaceDevices(fleet);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static List<String> expected(List<Device> devices, DeviceQuery query, DeviceSort sort) {
        return devices.stream().filter(QueryMatcher.of(query)).sorted(sort.comparator()).map(Device::id).toList();
    }

    private static void assertSameAnswers(List<Device> devices, long seed, int queries) {
        Random random = new Random(seed);
        int nonEmpty = 0;
        for (int i = 0; i < queries; i++) {
            DeviceQuery query = TestFleet.randomQuery(random, devices);
            DeviceSort sort = new DeviceSort(DeviceSort.Field.values()[random.nextInt(5)], random.nextBoolean());
            List<String> expected = expected(devices, query, sort);
            assertEquals(expected, store.matchingIds(query, sort), () -> "query " + query + " sorted " + sort);
            assertEquals(expected.size(), store.count(query), query::toString);
            int offset = expected.isEmpty() ? 0 : random.nextInt(expected.size());
            assertEquals(expected.subList(offset, Math.min(expected.size(), offset + 25)),
                    store.search(query, sort, offset, 25).stream().map(Device::id).toList(), query::toString);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > queries / 2, "most random queries should find devices; " + nonEmpty + " did");
    }

    @Test
    void randomQueriesGiveTheMatchersAnswer() {
        assertSameAnswers(fleet, 1, 300);
    }

    @Test
    void edgeCasesOfTheTextSearch() {
        for (String q : List.of("a", "4a", "4a3", "KIOSK", "\"point of\"", "café", "CAFÉ", "straße", "Ω-node",
                "\"main\"", "dashboard \"\"main\"\"", "\"\\\"Main\"", "ü", "%", "_", "k%", "tag:", "tag:\"\"",
                "TAG:", "Model:\"\" os:", "tag:production tag: leeds", "tag:KIOSK", "Tag:Production tag:kiosk",
                "tag:\"KIOSK\"", "model:CM4 model:4B", "OS:RASPIOS-13 dash", "foo:bar", "model:3B+ memory:1GB", "model:6",
                "os:raspios-12 os:raspios-13 tag:kiosk tag:production lee",
                "0 1 2 3 4 5 6 7 8 9 a b c d e f")) {
            DeviceQuery query = QueryParser.parse(q);
            assertEquals(expected(fleet, query, DeviceSort.BY_NAME), store.matchingIds(query, DeviceSort.BY_NAME), q);
        }
    }

    @Test
    void facetsCountTheMatchingDevices() {
        Random random = new Random(2);
        for (int i = 0; i < 60; i++) {
            DeviceQuery query = i == 0 ? DeviceQuery.EMPTY : TestFleet.randomQuery(random, fleet);
            FacetCounts fromSql = store.facets(query);
            assertEquals(store.index().facets(query), fromSql, query::toString);
            assertEquals(store.count(query), fromSql.total());
        }
    }

    @Test
    void theIndexAgreesWithSql() {
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            DeviceQuery query = TestFleet.randomQuery(random, fleet);
            DeviceSort sort = new DeviceSort(DeviceSort.Field.values()[random.nextInt(5)], random.nextBoolean());
            assertEquals(store.matchingIds(query, sort), store.index().matchingIds(query, sort), query::toString);
        }
    }

    @Test
    void stillExactAfterASmallIncrementalSync() throws Exception {
        try (FleetStore other = FleetStore.open(dir.resolve("incremental.sqlite"))) {
            other.replaceDevices(fleet);
            List<Device> changed = new ArrayList<>(fleet.subList(100, fleet.size()));
            Random random = new Random(4);
            for (int i = 0; i < 50; i++) {
                int at = random.nextInt(changed.size());
                Device d = changed.get(at);
                changed.set(at, new Device(d.id(), d.name() + "-moved", Long.toHexString(random.nextLong()), List.of("lab"),
                        d.board(), d.os(), d.kernelArchitecture(), d.filters()));
            }
            changed.addAll(TestFleet.generate(60, 99));
            other.replaceDevices(changed);
            Random queries = new Random(5);
            for (int i = 0; i < 200; i++) {
                DeviceQuery query = TestFleet.randomQuery(queries, changed);
                assertEquals(expected(changed, query, DeviceSort.BY_NAME), other.matchingIds(query, DeviceSort.BY_NAME),
                        query::toString);
            }
            assertEquals(expected(changed, QueryParser.parse("moved"), DeviceSort.BY_NAME),
                    other.matchingIds(QueryParser.parse("moved"), DeviceSort.BY_NAME));
        }
    }
}
