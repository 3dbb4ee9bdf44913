package org.fleetdesk.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.NewAuthKey;
import org.junit.jupiter.api.Test;

class NameListTest {
    @Test
    void oneNamePerLineSkipsBlankLinesAndComments() {
        List<NameEntry> entries = NameList.parse("\uFEFFpi5-001\r\n\n# spares\npi5-002\n  pi5-003  \n", "names.txt");
        assertEquals(List.of("pi5-001", "pi5-002", "pi5-003"), entries.stream().map(NameEntry::name).toList());
        assertTrue(entries.stream().allMatch(e -> e.tags().isEmpty()));
    }

    @Test
    void csvRowsCarryTheirOwnTags() {
        List<NameEntry> entries = NameList.parse("name,tags\npi5-001,kiosk london\npi5-002,\"kiosk;leeds\"\n"
                + "pi5-003\npi5-004,kiosk,york\n", "names.csv");
        assertEquals(List.of(new NameEntry("pi5-001", List.of("kiosk", "london")),
                new NameEntry("pi5-002", List.of("kiosk", "leeds")), NameEntry.of("pi5-003"),
                new NameEntry("pi5-004", List.of("kiosk", "york"))), entries);
    }

    @Test
    void everyProblemIsListedWithItsLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> NameList.parse("pi5-001,Kiosk\npi5/002\npi5-003\nPI5-003\n\"pi5-004\n", "names.csv"));
        String message = e.getMessage();
        assertTrue(message.startsWith("names.csv has 4 problems (nothing was sent):"), message);
        assertTrue(message.contains("line 1: Tag \"Kiosk\" is invalid"), message);
        assertTrue(message.contains("Try \"kiosk\""), message);
        assertTrue(message.contains("line 2: Device name \"pi5/002\" contains '/'"), message);
        assertTrue(message.contains("line 4: \"PI5-003\" is already on line 3"), message);
        assertTrue(message.contains("line 5: a quoted field is not closed"), message);
    }

    @Test
    void anEmptyListIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NameList.parse("# none\n\n", "x"));
        assertTrue(e.getMessage().contains("holds no device names"), e.getMessage());
    }

    @Test
    void aPlanGivesEachNameItsKeyWithTheBatchTagsFirst() {
        AuthKeyPlan plan = AuthKeyPlan.of(List.of(new NameEntry("pi5-001", List.of("london", "kiosk"))), 7,
                List.of("kiosk", "production"));
        assertEquals(List.of(new NewAuthKey("pi5-001", 7, "pi5-001", List.of("kiosk", "production", "london"))),
                plan.keys());
    }

    @Test
    void aPlanRefusesTooManyTagsForAName() {
        List<String> nine = List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AuthKeyPlan.of(
                List.of(NameEntry.of("ok"), new NameEntry("pi5-002", List.of("b1", "b2"))), null, nine));
        assertTrue(e.getMessage().contains("pi5-002: Too many tags (11)"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> AuthKeyPlan.of(List.of(NameEntry.of("x")), 91, List.of()));
    }
}
