package org.fleetdesk.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fleetdesk.api.Device;
import org.junit.jupiter.api.Test;

class FleetIndexTest {
    private static final List<Device> FLEET = TestFleet.generate(4000, 11);
    private static final FleetIndex INDEX = FleetIndex.of(FLEET);

    static List<String> expectedIds(List<Device> fleet, DeviceQuery query, DeviceSort sort) {
        return fleet.stream().filter(QueryMatcher.of(query)).sorted(sort.comparator()).map(Device::id).toList();
    }

    static FacetCounts expectedFacets(List<Device> fleet, DeviceQuery query) {
        List<Device> result = fleet.stream().filter(QueryMatcher.of(query)).toList();
        Map<Qualifier, Map<String, Integer>> counts = new HashMap<>();
        for (Qualifier q : Qualifier.values()) {
            counts.put(q, new HashMap<>());
        }
        for (Device d : result) {
            for (Qualifier q : List.of(Qualifier.MODEL, Qualifier.MEMORY, Qualifier.OS)) {
                String v = d.filters().get(q.key());
                if (v != null) {
                    counts.get(q).merge(Folding.value(v), 1, Integer::sum);
                }
            }
            d.tags().stream().map(Folding::value).distinct().forEach(t -> counts.get(Qualifier.TAG).merge(t, 1, Integer::sum));
        }
        int old = (int) result.stream().filter(Device::isOldClient).count();
        return new FacetCounts(result.size(), old, counts.get(Qualifier.MODEL), counts.get(Qualifier.MEMORY),
                counts.get(Qualifier.OS), counts.get(Qualifier.TAG));
    }

    @Test
    void randomQueriesGiveExactlyTheMatcherAnswerInEveryOrder() {
        Random random = new Random(5);
        int nonEmpty = 0;
        for (int i = 0; i < 300; i++) {
            DeviceQuery query = TestFleet.randomQuery(random, FLEET);
            DeviceSort sort = new DeviceSort(DeviceSort.Field.values()[random.nextInt(5)], random.nextBoolean());
            List<String> expected = expectedIds(FLEET, query, sort);
            assertEquals(expected, INDEX.matchingIds(query, sort), () -> query + " sorted " + sort);
            assertEquals(expected.size(), INDEX.count(query));
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > 150, "the random queries should mostly find something, found " + nonEmpty);
    }

    @Test
    void facetsCountTheResult() {
        Random random = new Random(6);
        assertEquals(expectedFacets(FLEET, DeviceQuery.EMPTY), INDEX.facets(DeviceQuery.EMPTY));
        for (int i = 0; i < 100; i++) {
            DeviceQuery query = TestFleet.randomQuery(random, FLEET);
            assertEquals(expectedFacets(FLEET, query), INDEX.facets(query), query::toString);
        }
    }

    @Test
    void emptyQueryListsEveryDeviceByName() {
        assertEquals(expectedIds(FLEET, DeviceQuery.EMPTY, DeviceSort.BY_NAME),
                INDEX.matchingIds(DeviceQuery.EMPTY, DeviceSort.BY_NAME));
        assertEquals(FLEET.size(), INDEX.devices().size());
    }

    @Test
    void findsDevicesByIdAndKeepsTheLaterOfTwoWithOneId() {
        Device first = FLEET.get(0);
        Device renamed = new Device(first.id(), "renamed", first.serialNumber(), first.tags(), first.board(),
                first.os(), first.kernelArchitecture(), first.filters());
        FleetIndex index = FleetIndex.of(List.of(first, FLEET.get(1), renamed));
        assertEquals(2, index.size());
        assertEquals("renamed", index.device(first.id()).orElseThrow().name());
        assertEquals(List.of(first.id()), index.matchingIds(QueryParser.parse("renamed"), DeviceSort.BY_NAME));
    }

    @Test
    void emptyFleetAnswersEmpty() {
        FleetIndex empty = FleetIndex.of(List.of());
        assertEquals(0, empty.count(QueryParser.parse("model:5 kiosk")));
        assertEquals(List.of(), empty.matching(DeviceQuery.EMPTY, DeviceSort.BY_NAME));
        assertEquals(FacetCounts.NONE, empty.facets(DeviceQuery.EMPTY));
    }
}
