package org.fleetdesk.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QueryPrinterTest {
    @Test
    void printsQualifiersInCanonicalOrderThenText() {
        DeviceQuery q = QueryParser.parse("dash tag:kiosk os:raspios-13 Model:5 memory:8gb tag:leeds");
        assertEquals("model:5 memory:8gb os:raspios-13 tag:kiosk tag:leeds dash", QueryPrinter.print(q));
    }

    @Test
    void quotesTermsThatWouldOtherwiseReadDifferently() {
        DeviceQuery q = DeviceQuery.EMPTY.withText("point of sale").withText("tag:kiosk").withText("\"x")
                .withText("tag:").withText("a\\b").withText("say \"hi\"\\");
        assertEquals("\"point of sale\" \"tag:kiosk\" \"\\\"x\" \"tag:\" a\\b \"say \\\"hi\\\"\\\\\"", QueryPrinter.print(q));
    }

    @Test
    void emptyQueryPrintsAsEmptyText() {
        assertEquals("", QueryPrinter.print(DeviceQuery.EMPTY));
    }

    @Test
    void parsingThePrintedFormGivesTheSameQueryForRandomQueries() {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            DeviceQuery q = new DeviceQuery(values(random), values(random), values(random), values(random),
                    terms(random));
            String printed = QueryPrinter.print(q);
            assertEquals(q, QueryParser.parse(printed), () -> "printed as " + printed);
            assertEquals(printed, QueryPrinter.print(QueryParser.parse(printed)));
        }
    }

    private static final String VALUE_CHARS = "ab5+-_:\\Zé\uD83D\uDE00";
    private static final String TEXT_CHARS = VALUE_CHARS + "\"  \u00a0\u2003";
    private static final String[] PREFIXES = {"", "", "tag:", "Model:", "os:", "foo:", "\"", ":"};

    private static List<String> values(Random random) {
        List<String> values = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            values.add(randomString(random, VALUE_CHARS, 1));
        }
        return values;
    }

    private static List<String> terms(Random random) {
        List<String> terms = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String term = PREFIXES[random.nextInt(PREFIXES.length)] + randomString(random, TEXT_CHARS, 0);
            if (!Terms.isBlank(term)) {
                terms.add(term);
            }
        }
        return terms;
    }

    private static String randomString(Random random, String alphabet, int minLength) {
        StringBuilder s = new StringBuilder();
        int length = minLength + random.nextInt(6);
        while (s.length() < length) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
