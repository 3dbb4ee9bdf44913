package org.fleetdesk.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fleetdesk.api.Board;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.OsInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Random input never makes the search language throw (parser, printer, validator, matcher, completions at any caret
 * and applying them), what it parses survives a print and a parse, and the printed form is canonical. The normal
 * suite runs a short burst; {@code mvn -Pbench test -Dtest=QueryParserFuzzTest} runs it for minutes.
 */
class QueryParserFuzzTest {
    private static final String[] PIECES = {"model:", "memory:", "os:", "tag:", "MODEL:", "foo:", ":", "\"", "\"\"", " ",
            "  ", "\t", "\n", "5", "3b+", "cm5lite", "8gb", "raspios-13", "kiosk", "point of sale", "é", "\u0000", "\u0007",
            "\u202e", "😀", "\\", "'", "%", "_", "*", "(", ")", "-", "+", "tag:\"", "a".repeat(300)};
    private static final Device OLD = new Device("d1", "kiosk-leeds-014", "ea636879c4d47a37", List.of("kiosk"), null, null,
            null, Map.of());
    private static final Device NEW = new Device("d2", "pos-london-001", "0123456789abcdef", List.of("point-of-sale"),
            new Board("Raspberry Pi 5", "1.0", "8 GB"), new OsInfo("Raspberry Pi OS", "13 (Trixie)"), "aarch64",
            Map.of("model", "5", "memory", "8gb", "os", "raspios-13"));

    private static final FacetCounts FACETS = new FacetCounts(2, 1, Map.of("5", 1, "3b+", 1), Map.of("8gb", 1),
            Map.of("raspios-13", 1), Map.of("kiosk", 1, "point-of-sale", 1));

    @Test
    void aShortBurstOfRandomInput() {
        fuzz(new Random(42), 10_000);
    }

    @Test
    @Tag("bench")
    void threeMinutesOfRandomInput() {
        long end = System.nanoTime() + 180_000_000_000L;
        Random random = new Random();
        long runs = 0;
        while (System.nanoTime() < end) {
            fuzz(random, 10_000);
            runs += 10_000;
        }
        System.out.printf("query parser fuzz: %,d random inputs, no exception%n", runs);
    }

    private static void fuzz(Random random, int count) {
        for (int i = 0; i < count; i++) {
            String input = randomInput(random);
            DeviceQuery query = QueryParser.parse(input);
            String printed = QueryPrinter.print(query);
            // A query cut at the limit can print longer than the limit (quotes and escapes are added), and reading
            // that again cuts it once more: the round trip holds for every printed form the parser reads whole.
            if (printed.length() <= QueryParser.MAX_LENGTH) {
                assertEquals(query, QueryParser.parse(printed), () -> "round trip of " + escape(input));
                assertEquals(printed, QueryPrinter.print(QueryParser.parse(printed)), () -> "canonical form of "
                        + escape(input));
            }
            QueryValidator.validate(input);
            QueryValidator.validate(printed);
            QueryMatcher matcher = QueryMatcher.of(query);
            matcher.test(OLD);
            matcher.test(NEW);
            Completions.suggest(input, FacetCounts.NONE);
            String beforeCaret = input.substring(0, caret(random, input));
            for (Completion completion : Completions.suggest(beforeCaret, FACETS)) {
                QueryParser.parse(completion.applyTo(beforeCaret));
            }
        }
    }

    /** A caret position that does not split a surrogate pair, as a text field's caret never does. */
    private static int caret(Random random, String input) {
        int caret = random.nextInt(input.length() + 1);
        return caret > 0 && caret < input.length() && Character.isLowSurrogate(input.charAt(caret)) ? caret - 1 : caret;
    }

    private static String randomInput(Random random) {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(12);
        for (int p = 0; p < parts; p++) {
            if (random.nextInt(4) == 0) {
                text.append((char) random.nextInt(0x3000));
            } else {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        if (random.nextInt(200) == 0) {
            text.append("x".repeat(5_000));
        }
        return text.toString();
    }

    private static String escape(String input) {
        StringBuilder out = new StringBuilder();
        input.codePoints().limit(200).forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return out.toString();
    }
}
