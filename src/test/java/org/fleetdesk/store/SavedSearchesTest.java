package org.fleetdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.query.QueryParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedSearchesTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void searchesAreSavedReplacedListedAndDeleted() {
        try (FleetStore store = FleetStore.open(dir.resolve("cache.sqlite"), Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(5))) {
            store.saveSearch("Leeds kiosks", QueryParser.parse("tag:kiosk tag:leeds model:5"));
            store.saveSearch(" POS ", QueryParser.parse("\"point of sale\""));
            store.saveSearch("Leeds kiosks", QueryParser.parse("tag:kiosk tag:leeds"));
            assertEquals(List.of(new SavedSearch("Leeds kiosks", QueryParser.parse("tag:kiosk tag:leeds"), NOW),
                    new SavedSearch("POS", QueryParser.parse("\"point of sale\""), NOW)), store.savedSearches());
            assertTrue(store.deleteSavedSearch("POS"));
            assertFalse(store.deleteSavedSearch("POS"));
            assertEquals(1, store.savedSearches().size());
        }
    }

    @Test
    void aNameIsRequiredAndBounded() {
        try (FleetStore store = FleetStore.open(dir.resolve("cache.sqlite"))) {
            assertEquals("A saved search needs a name.", assertThrows(InvalidInputException.class,
                    () -> store.saveSearch("  ", QueryParser.parse("x"))).getMessage());
            assertTrue(assertThrows(InvalidInputException.class, () -> store.saveSearch("n".repeat(101),
                    QueryParser.parse("x"))).getMessage().contains("at most 100 characters; this one has 101"));
        }
    }
}
