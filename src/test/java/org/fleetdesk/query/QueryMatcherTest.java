package org.fleetdesk.query;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.fleetdesk.api.Board;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.OsInfo;
import org.junit.jupiter.api.Test;

class QueryMatcherTest {
    private final Device pi5 = new Device("id-1", "Dashboard-Leeds-014", "ea636879c4d47a37", List.of("production", "kiosk"),
            new Board("Raspberry Pi 5", "1.0", "8 GB"), new OsInfo("Raspberry Pi OS", "13 (Trixie)"), "aarch64",
            Map.of("model", "5", "memory", "8gb", "os", "raspios-13"));
    private final Device old = new Device("id-2", "till-london-3", "00000000aabbccdd", List.of("point-of-sale"),
            null, null, null, Map.of());

    private boolean matches(String query, Device device) {
        return QueryMatcher.matches(QueryParser.parse(query), device);
    }

    @Test
    void documentedExample() {
        assertTrue(matches("model:5 tag:production dashboard", pi5));
        assertFalse(matches("model:4b tag:production dashboard", pi5));
    }

    @Test
    void repeatedModelMemoryOsMatchAnyValue() {
        assertTrue(matches("model:4b model:5", pi5));
        assertTrue(matches("memory:4gb memory:8gb os:raspios-12 os:raspios-13", pi5));
        assertFalse(matches("model:4b model:cm4", pi5));
    }

    @Test
    void everyTagMustMatch() {
        assertTrue(matches("tag:production tag:kiosk", pi5));
        assertFalse(matches("tag:production tag:staging", pi5));
    }

    @Test
    void qualifierValuesAndNamesIgnoreCase() {
        assertTrue(matches("MODEL:5 Tag:KIOSK memory:8GB", pi5));
    }

    @Test
    void freeTextIsACaseInsensitiveSubstringOfNameOrSerial() {
        assertTrue(matches("leeds", pi5));
        assertTrue(matches("7A37", pi5));
        assertTrue(matches("dash 7a37", pi5));
        assertFalse(matches("dash london", pi5));
        assertTrue(matches("\"board-lee\"", pi5));
        assertFalse(matches("\"leeds 014\"", pi5));
    }

    @Test
    void freeTextDoesNotSpanNameAndSerial() {
        assertFalse(matches("014ea63", pi5));
    }

    @Test
    void unknownQualifierIsMatchedAsText() {
        Device odd = new Device("id-3", "room foo:bar", "1", List.of(), null, null, null, Map.of());
        assertTrue(matches("foo:bar", odd));
        assertFalse(matches("foo:bar", pi5));
    }

    @Test
    void anEmptyQualifierSetsNoCondition() {
        assertTrue(matches("tag:", pi5));
        assertTrue(matches("model:\"\" tag: os:", pi5));
    }

    @Test
    void qualifierValuesIgnoreAsciiCase() {
        assertTrue(matches("tag:KIOSK tag:Production", pi5));
        assertFalse(matches("tag:KIOSKS", pi5));
    }

    @Test
    void oldClientsNeverMatchModelMemoryOsButMatchTagsAndText() {
        assertFalse(matches("model:5", old));
        assertFalse(matches("memory:8gb", old));
        assertFalse(matches("os:raspios-13", old));
        assertTrue(matches("tag:point-of-sale till", old));
    }

    @Test
    void emptyQueryMatchesEverything() {
        assertTrue(matches("", pi5));
        assertTrue(matches("", old));
    }
}
