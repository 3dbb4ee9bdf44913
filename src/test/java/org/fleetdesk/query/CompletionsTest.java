package org.fleetdesk.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletionsTest {
    private final FacetCounts fleet = new FacetCounts(1000, 100, Map.of("5", 300, "4b", 400, "3b+", 50),
            Map.of("8gb", 500, "4gb", 400), Map.of("raspios-13", 600, "raspios-12", 300),
            Map.of("kiosk", 412, "production", 700, "point-of-sale", 90, "leeds", 30));

    private List<String> labels(String text) {
        return Completions.suggest(text, fleet).stream().map(Completion::label).toList();
    }

    @Test
    void qualifierNamesComeFirst() {
        assertEquals(List.of("model:", "memory:"), labels("m"));
        assertEquals(List.of("model:"), labels("mod"));
        assertEquals(List.of("model:", "memory:", "os:", "tag:"), labels(""));
        assertEquals(List.of("model:", "memory:", "os:", "tag:"), labels("tag:kiosk "));
    }

    @Test
    void choosingAQualifierReplacesTheTypedPrefix() {
        Completion model = Completions.suggest("dash mo", fleet).get(0);
        assertEquals("dash model:", model.applyTo("dash mo"));
    }

    @Test
    void afterAQualifierItsFleetValuesFollowByCount() {
        assertEquals(List.of("tag:production (700)", "tag:kiosk (412)", "tag:point-of-sale (90)", "tag:leeds (30)"),
                labels("tag:"));
        assertEquals(List.of("tag:kiosk (412)"), labels("model:5 tag:k"));
        assertEquals(List.of("model:4b (400)", "model:5 (300)", "model:3b+ (50)"), labels("MODEL:"));
        assertEquals("model:5 tag:kiosk ", Completions.suggest("model:5 tag:K", fleet).get(0).applyTo("model:5 tag:K"));
    }

    @Test
    void valuesAlreadyInTheQueryAreNotOfferedAgain() {
        assertEquals(List.of("tag:kiosk (412)", "tag:point-of-sale (90)", "tag:leeds (30)"), labels("tag:production tag:"));
    }

    @Test
    void aBareWordAlsoOffersMatchingValuesOfAnyQualifier() {
        assertEquals(List.of("tag:kiosk (412)"), labels("kio"));
        assertEquals(List.of("os:"), labels("o"));
        assertEquals(List.of("os:raspios-13 (600)", "os:raspios-12 (300)"), labels("rasp"));
        assertEquals(List.of("tag:point-of-sale (90)", "tag:production (700)").stream().sorted().toList(),
                labels("p").stream().sorted().toList());
        assertEquals("tag:production (700)", labels("p").get(0));
    }

    @Test
    void nothingInsideAnOpenQuoteOrAfterAnUnknownQualifier() {
        assertEquals(List.of(), labels("\"point of"));
        assertEquals(List.of(), labels("foo:ba"));
    }

    @Test
    void valuesThatCannotBeTypedAsOneTermAreSkipped() {
        FacetCounts odd = new FacetCounts(2, 0, Map.of(), Map.of(), Map.of(), Map.of("two words", 2, "ok", 1));
        assertEquals(List.of("tag:ok (1)"), Completions.suggest("tag:", odd).stream().map(Completion::label).toList());
    }
}
