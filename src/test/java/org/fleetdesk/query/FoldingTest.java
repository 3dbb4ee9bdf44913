package org.fleetdesk.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldingTest {
    @Test
    void valuesFoldOnlyAsciiLetters() {
        assertEquals("3b+ kiosk éÉ", Folding.value("3B+ KIOSK éÉ"));
        assertEquals(null, Folding.value(null));
    }

    @Test
    void textFoldsEveryLetter() {
        assertEquals("café-écran", Folding.text("CAFÉ-Écran"));
        assertEquals("", Folding.text(null));
    }

    @Test
    void codePointOrderPutsSupplementaryCharactersAfterTheRestOfTheBmp() {
        String smiley = "\uD83D\uDE00";
        assertTrue(Folding.compareCodePoints("\uFF21", smiley) < 0);
        assertTrue(Folding.compareCodePoints(smiley, "\uFF21") > 0);
        assertTrue(Folding.compareCodePoints("a", "b") < 0);
        assertTrue(Folding.compareCodePoints("ab", "a") > 0);
        assertEquals(0, Folding.compareCodePoints("x" + smiley, "x" + smiley));
        List<String> strings = new ArrayList<>(List.of("\uE000", smiley, "z", "\u00e9", "\uD7FF", "\uFFFF"));
        strings.sort(Folding::compareCodePoints);
        assertEquals(List.of("z", "\u00e9", "\uD7FF", "\uE000", "\uFFFF", smiley), strings);
    }
}
