package org.fleetdesk.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryValidatorTest {
    private static List<String> messages(String query) {
        return QueryValidator.validate(query).stream().map(QueryWarning::message).toList();
    }

    @Test
    void aValidQueryHasNoWarnings() {
        assertEquals(List.of(), messages("model:5 model:3B+ memory:8GB os:raspios-12 tag:point-of-sale tag:Kiosk dash"));
    }

    @Test
    void unknownModelListsTheKnownValues() {
        List<QueryWarning> warnings = QueryValidator.validate("model:6 kiosk");
        assertEquals(1, warnings.size());
        assertEquals("model:6", warnings.get(0).term());
        assertEquals("no such model \"6\"; known values: a, b, a+, b+, 2b, cm1, 3b, zero, cm3, zerow, 3b+, 3a+, cm3+,"
                + " 4b, zero2w, 400, cm4, cm4s, 5, cm5, 500, cm5lite, cm0", warnings.get(0).message());
    }

    @Test
    void unknownValuesSuggestWhatWasProbablyMeant() {
        assertTrue(messages("model:pi5").get(0).startsWith("no such model \"pi5\"; did you mean model:5? known values: a,"));
        assertTrue(messages("model:4").get(0).contains("did you mean model:4b or model:400?"));
        assertTrue(messages("memory:8").get(0).startsWith("no such memory size \"8\"; did you mean memory:8gb?"));
        assertTrue(messages("os:bookworm").get(0).startsWith("no such OS \"bookworm\"; did you mean os:raspios-12?"));
        assertTrue(messages("os:raspios13").get(0).contains("did you mean os:raspios-13?"));
        assertEquals("no such memory size \"3gb\"; known values: 256mb, 512mb, 1gb, 2gb, 4gb, 8gb, 16gb",
                messages("memory:3gb").get(0));
    }

    @Test
    void tagThatNoDeviceCanHaveIsExplained() {
        assertEquals(List.of("no device can have this tag, so tag:point_of_sale! matches nothing. Tag"
                        + " \"point_of_sale!\" is invalid: each tag must contain only lowercase letters, numbers,"
                        + " hyphens, and underscores."),
                messages("tag:point_of_sale!"));
        assertTrue(messages("tag:" + "x".repeat(31)).get(0).contains("the maximum length is 30 characters"));
    }

    @Test
    void qualifierWithoutValueNeedsAValue() {
        assertEquals(List.of("tag: needs a value, e.g. tag:production; without one it is ignored"), messages("tag:"));
        assertEquals(List.of("Model: needs a value, e.g. model:5; without one it is ignored"), messages("Model:"));
        assertEquals(List.of("os: needs a value, e.g. os:raspios-13; without one it is ignored"),
                messages("os:\"\" tag:kiosk"));
        assertEquals(List.of(), messages("TAG:KIOSK model:CM4"), "values in capitals are the same values");
    }

    @Test
    void unknownQualifierIsSearchedAsTextWithASuggestion() {
        assertEquals(List.of("unknown qualifier \"modle:\", so \"modle:5\" is searched as text; did you mean model:?"
                + " the qualifiers are model:, memory:, os: and tag:"), messages("modle:5"));
        assertEquals(List.of("unknown qualifier \"location:\", so \"location:leeds\" is searched as text;"
                + " the qualifiers are model:, memory:, os: and tag:"), messages("location:leeds"));
    }

    @Test
    void quotedOrNonWordColonsAreNotQualifierMistakes() {
        assertEquals(List.of(), messages("\"foo:bar\" \"tag:\" 12:30 :x"));
    }

    @Test
    void openQuoteAndOverlongQueryAreReported() {
        assertEquals(List.of("a quote is not closed, so the phrase runs to the end of the query; add the closing \""),
                messages("kiosk \"point of"));
        assertEquals(List.of("the query is longer than 1024 characters; only the first 1024 were used"),
                messages("x".repeat(2000)));
    }
}
