package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a {@code query} string is read, term by term. */
class DeviceQueryTest {

    @Test
    void splitsOnAnyWhitespaceIntoQualifiersAndFreeText() {
        DeviceQuery query = DeviceQuery.parse("  model:5\ttag:production \n dashboard  ");
        assertEquals(List.of("5"), query.models());
        assertEquals(List.of("production"), query.tags());
        assertEquals(List.of("dashboard"), query.freeText());
    }

    @Test
    void keepsRepeatedQualifiersInOrder() {
        DeviceQuery query = DeviceQuery.parse("tag:production tag:kiosk model:5 model:4b memory:8gb os:raspios-13 os:raspios-12");
        assertEquals(List.of("production", "kiosk"), query.tags());
        assertEquals(List.of("5", "4b"), query.models());
        assertEquals(List.of("8gb"), query.memories());
        assertEquals(List.of("raspios-13", "raspios-12"), query.oses());
    }

    @Test
    void qualifierNamesAndValuesIgnoreAsciiCase() {
        DeviceQuery query = DeviceQuery.parse("TAG:Kiosk Model:CM4 os:RaspiOS-13 memory:\"8GB\"");
        assertEquals(List.of("kiosk"), query.tags());
        assertEquals(List.of("cm4"), query.models());
        assertEquals(List.of("raspios-13"), query.oses());
        assertEquals(List.of("8gb"), query.memories());
        assertEquals(List.of("café"), DeviceQuery.parse("tag:CAFé").tags(), "only ASCII letters are folded");
    }

    @Test
    void freeTextIsLowercased() {
        assertEquals(List.of("kiosk-leeds", "ea63"), DeviceQuery.parse("Kiosk-LEEDS EA63").freeText());
    }

    @Test
    void unknownQualifiersAndLeadingColonsAreFreeTextWithTheColon() {
        assertEquals(List.of("colour:red", ":5", "model"), DeviceQuery.parse("colour:red :5 model").freeText());
    }

    @Test
    void quotesMakeOnePhrase() {
        assertEquals(List.of("point of sale"), DeviceQuery.parse("\"point of sale\"").freeText());
        assertEquals(List.of("point of sale", "leeds"), DeviceQuery.parse("\"Point Of Sale\" leeds").freeText());
        assertEquals(List.of("a\"", "b\""), DeviceQuery.parse("a\" b\"").freeText(),
                "a quote inside a term is a character of it: only a term that starts with one is a phrase");
        assertEquals(List.of("say \"hi\" \\"), DeviceQuery.parse("\"say \\\"hi\\\" \\\\\"").freeText(), "escapes");
        assertEquals(List.of("kiosk", "leeds"), DeviceQuery.parse("\"kiosk\"leeds").freeText(),
                "a closing quote ends the term");
    }

    @Test
    void aQuotedQualifierIsLiteralTextWhileAQuotedValueIsAValue() {
        DeviceQuery literal = DeviceQuery.parse("\"tag:kiosk\"");
        assertEquals(List.of("tag:kiosk"), literal.freeText());
        assertTrue(literal.tags().isEmpty());
        DeviceQuery split = DeviceQuery.parse("tag:\"point of sale\"");
        assertEquals(List.of("point"), split.tags(), "a qualifier's value ends at the first space, quotes dropped");
        assertEquals(List.of("of", "sale\""), split.freeText());
    }

    @Test
    void anUnclosedQuoteRunsToTheEnd() {
        assertEquals(List.of("kiosk leeds"), DeviceQuery.parse("\"kiosk leeds").freeText());
        assertEquals(List.of("x"), DeviceQuery.parse("tag:\"x").tags());
    }

    @Test
    void emptyTermsSetNoCondition() {
        assertTrue(DeviceQuery.parse("").isEmpty());
        assertTrue(DeviceQuery.parse(null).isEmpty());
        assertTrue(DeviceQuery.parse(" \t ").isEmpty());
        assertTrue(DeviceQuery.parse("tag: model: memory:\"\" os: \"\"").isEmpty());
    }
}
