package org.fleetdesk.ui.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.fleetdesk.query.Completion;
import org.fleetdesk.query.FacetCounts;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.query.QueryPrinter;
import org.fleetdesk.query.Qualifier;
import org.junit.jupiter.api.Test;

class QueryBarViewModelTest {
    private static final FacetCounts FLEET = new FacetCounts(100, 10, Map.of("5", 40, "4b", 30, "cm4", 20),
            Map.of("4gb", 50, "8gb", 40), Map.of("raspios-12", 45, "raspios-13", 45),
            Map.of("kiosk", 30, "production", 25, "leeds", 12));

    private final QueryBarViewModel bar = new QueryBarViewModel(() -> FLEET);

    @Test
    void aQueryStringBecomesChipsAndTextAndPrintsBackCanonically() {
        bar.setQueryString("model:5 tag:production dashboard");

        assertEquals(List.of(new QueryChip(Qualifier.MODEL, "5"), new QueryChip(Qualifier.TAG, "production")),
                bar.chips());
        assertEquals("dashboard", bar.textProperty().get());
        assertEquals("model:5 tag:production dashboard", bar.queryStringProperty().get());
    }

    @Test
    void chipsAndTextRoundTripThroughTheCanonicalPrinter() {
        for (String input : List.of("", "kiosk", "tag:kiosk model:5 memory:4gb os:raspios-13 leeds 014",
                "\"point of sale\" tag:a:b", "\"tag:kiosk\" model:5", "model:5 model:cm4 tag:x tag:y",
                "say \\\"hi\\\" \"quoted \\\" inside\"", "TAG:Kiosk MODEL:5")) {
            bar.setQueryString(input);
            assertEquals(QueryParser.parse(input), bar.query(), input);
            assertEquals(QueryPrinter.print(QueryParser.parse(input)), bar.queryStringProperty().get(), input);
            QueryBarViewModel copy = new QueryBarViewModel(() -> FLEET);
            copy.setQueryString(bar.queryStringProperty().get());
            assertEquals(bar.chips(), copy.chips(), input);
            assertEquals(bar.textProperty().get(), copy.textProperty().get(), input);
        }
    }

    @Test
    void chipsFollowedByTypedTextFormOneQuery() {
        bar.addFilter(Qualifier.TAG, "kiosk");
        bar.textProperty().set("leeds model:4b");

        assertEquals("model:4b tag:kiosk leeds", bar.queryStringProperty().get());
    }

    @Test
    void pastingAFullQueryMakesEveryQualifierAChip() {
        int caret = bar.paste("model:5 tag:production dashboard", 0, 0);

        assertEquals(List.of(new QueryChip(Qualifier.MODEL, "5"), new QueryChip(Qualifier.TAG, "production")),
                bar.chips());
        assertEquals("dashboard", bar.textProperty().get());
        assertEquals(9, caret);
    }

    @Test
    void aTypedQualifierBecomesAChipWhenASpaceFollowsIt() {
        QueryBarViewModel.Edit unfinished = bar.edit("model:5", 7, false);
        assertEquals("model:5", unfinished.text());
        assertTrue(bar.chips().isEmpty());

        QueryBarViewModel.Edit finished = bar.edit("leeds model:5 ", 14, false);
        assertEquals(new QueryBarViewModel.Edit("leeds ", 6), finished);
        assertEquals(List.of(new QueryChip(Qualifier.MODEL, "5")), bar.chips());
    }

    @Test
    void quotedTermsAndUnknownQualifiersStayText() {
        QueryBarViewModel.Edit edit = bar.edit("\"tag:kiosk\" modle:5 tag: ", 25, false);

        assertEquals("\"tag:kiosk\" modle:5 tag: ", edit.text());
        assertTrue(bar.chips().isEmpty());
    }

    @Test
    void typingModOffersModelThenItsValuesWithCounts() {
        bar.textProperty().set("mod");
        List<Completion> qualifiers = bar.suggestions(3);
        assertEquals("model:", qualifiers.get(0).replacement());

        int caret = bar.choose(qualifiers.get(0), 3);
        assertEquals("model:", bar.textProperty().get());
        assertEquals(6, caret);

        bar.textProperty().set("model:5");
        Completion five = bar.suggestions(7).get(0);
        assertEquals("model:5 (40)", five.label());
        assertEquals(0, bar.choose(five, 7));
        assertEquals(List.of(new QueryChip(Qualifier.MODEL, "5")), bar.chips());
        assertEquals("", bar.textProperty().get());
        assertEquals("model:5", bar.queryStringProperty().get());
    }

    @Test
    void valuesAlreadyChippedAreNotSuggestedAgain() {
        bar.addFilter(Qualifier.MODEL, "5");
        bar.textProperty().set("model:");

        List<String> offered = bar.suggestions(6).stream().map(Completion::replacement).toList();
        assertEquals(List.of("model:4b ", "model:cm4 "), offered);
    }

    @Test
    void removingTheLastChipAndDuplicateFilters() {
        bar.addFilter(Qualifier.TAG, "kiosk");
        bar.addFilter(Qualifier.TAG, "KIOSK");
        bar.addFilter(Qualifier.MODEL, "5");
        assertEquals(2, bar.chips().size());

        assertTrue(bar.removeLastChip());
        assertEquals("tag:kiosk", bar.queryStringProperty().get());
        assertTrue(bar.removeLastChip());
        assertFalse(bar.removeLastChip());
    }

    @Test
    void warnsAboutValuesThatMatchNothing() {
        bar.setQueryString("model:6");

        assertTrue(bar.warningsProperty().get().contains("no such model"), bar.warningsProperty().get());
        bar.clear();
        assertEquals("", bar.warningsProperty().get());
    }
}
