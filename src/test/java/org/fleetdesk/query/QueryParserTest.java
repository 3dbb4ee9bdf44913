package org.fleetdesk.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QueryParserTest {
    private static DeviceQuery query(List<String> models, List<String> memories, List<String> oses, List<String> tags,
                                     List<String> text) {
        return new DeviceQuery(models, memories, oses, tags, text);
    }

    @Test
    void readsTheDocumentedExample() {
        assertEquals(query(List.of("5"), List.of(), List.of(), List.of("production"), List.of("dashboard")),
                QueryParser.parse("model:5 tag:production dashboard"));
    }

    @Test
    void readsEveryQualifierCaseInsensitivelyAndKeepsValuesAsTyped() {
        assertEquals(query(List.of("3B+"), List.of("4gb"), List.of("raspios-13"), List.of("Kiosk"), List.of()),
                QueryParser.parse("MODEL:3B+ Memory:4gb oS:raspios-13 TAG:Kiosk"));
    }

    @Test
    void repeatedValuesAreKeptOnceInFirstSeenOrder() {
        DeviceQuery q = QueryParser.parse("tag:b tag:a tag:b model:5 model:4b model:5 dash dash");
        assertEquals(List.of("b", "a"), q.tags());
        assertEquals(List.of("5", "4b"), q.models());
        assertEquals(List.of("dash"), q.text());
    }

    @Test
    void quotedPhraseIsOneFreeTextTermEvenWhenItLooksLikeAQualifier() {
        assertEquals(List.of("point of sale", "tag:kiosk"), QueryParser.parse("\"point of sale\" \"tag:kiosk\"").text());
    }

    @Test
    void unknownQualifierAndLeadingColonAreFreeText() {
        DeviceQuery q = QueryParser.parse("foo:bar :x");
        assertEquals(List.of("foo:bar", ":x"), q.text());
        assertTrue(q.tags().isEmpty() && q.models().isEmpty());
    }

    @Test
    void aQualifierWithAnEmptyValueSetsNoConditionAsInTheApi() {
        assertEquals(DeviceQuery.EMPTY, QueryParser.parse("tag: MODEL: memory:\"\" os:\"\"\""));
        assertEquals(DeviceQuery.EMPTY.with(Qualifier.TAG, "kiosk").withText("leeds"),
                QueryParser.parse("tag: tag:kiosk leeds"));
        assertEquals(List.of("tag:", "MODEL:", "memory:\"\""), QueryParser.scan("tag: MODEL: memory:\"\" x").emptyQualifiers());
        assertEquals(List.of("tag:"), QueryParser.parse("\"tag:\"").text(), "quoted, it is text");
    }

    @Test
    void valueRunsToTheNextSpaceIncludingFurtherColonsWithoutItsQuotes() {
        DeviceQuery q = QueryParser.parse("tag:a:b tag:\"x\" model:\"CM4 ab\"cd");
        assertEquals(List.of("a:b", "x"), q.tags());
        assertEquals(List.of("CM4"), q.models(), "case is kept as typed; matching ignores it");
        assertEquals(List.of("ab\"cd"), q.text());
    }

    @Test
    void unbalancedQuoteRunsToTheEnd() {
        assertEquals(List.of("kiosk", "point of sale "), QueryParser.parse("kiosk \"point of sale ").text());
        assertEquals(List.of(), QueryParser.parse("\"").text());
        assertEquals(List.of(), QueryParser.parse("\"   \"").text());
    }

    @Test
    void escapesInsideQuotes() {
        assertEquals(List.of("say \"hi\" \\ \\n"), QueryParser.parse("\"say \\\"hi\\\" \\\\ \\n\"").text());
    }

    @Test
    void closingQuoteEndsTheTerm() {
        assertEquals(List.of("ab", "cd"), QueryParser.parse("\"ab\"cd").text());
    }

    @Test
    void controlCharactersSeparateTermsAndBecomeSpacesInsidePhrases() {
        DeviceQuery q = QueryParser.parse("kiosk\u0000tag:lab\tdash\u001b\"a\u0007b\"\u00a0leeds");
        assertEquals(List.of("lab"), q.tags());
        assertEquals(List.of("kiosk", "dash", "a b", "leeds"), q.text());
    }

    @Test
    void blankAndNullInputGiveTheEmptyQuery() {
        assertTrue(QueryParser.parse(null).isEmpty());
        assertTrue(QueryParser.parse(" \t\n\u2003 ").isEmpty());
    }

    @Test
    void hugeInputIsCutAtTheLimit() {
        String huge = "tag:a ".repeat(100_000) + "tag:never";
        DeviceQuery q = QueryParser.parse(huge);
        assertEquals(List.of("a"), q.tags());
        String words = "w".repeat(5000);
        assertEquals(QueryParser.MAX_LENGTH, QueryParser.parse(words).text().get(0).length());
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        String text = "a".repeat(QueryParser.MAX_LENGTH - 1) + "\uD83D\uDE00" + "b";
        String term = QueryParser.parse(text).text().get(0);
        assertEquals(QueryParser.MAX_LENGTH - 1, term.length());
    }

    @Test
    void neverThrowsOnRandomInput() {
        Random random = new Random(7);
        String alphabet = "ab:\"\\ \t\u0000\u00a0tagmodel:os:memory:+-\uD83D\uDE00\uDE00\uD83D";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            DeviceQuery q = QueryParser.parse(s.toString());
            assertEquals(q, QueryParser.parse(QueryPrinter.print(q)), () -> "input " + s);
        }
    }
}
