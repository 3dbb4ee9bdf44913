package org.fleetdesk.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fleetdesk.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class NamePatternTest {
    @Test
    void expandsAZeroPaddedRange() {
        List<String> names = NamePattern.expand("pi5-{001..250}");
        assertEquals(250, names.size());
        assertEquals("pi5-001", names.get(0));
        assertEquals("pi5-010", names.get(9));
        assertEquals("pi5-250", names.get(249));
    }

    @Test
    void padsToTheWidestBoundOnlyWhenABoundHasALeadingZero() {
        assertEquals(List.of("n8", "n9", "n10"), NamePattern.expand("n{8..10}"));
        assertEquals(List.of("n08", "n09", "n10"), NamePattern.expand("n{08..10}"));
        assertEquals(List.of("n098", "n099", "n100"), NamePattern.expand("n{098..100}"));
    }

    @Test
    void severalRangesMultiplyAndLiteralsStay() {
        assertEquals(List.of("rack1-pi01-a", "rack1-pi02-a", "rack2-pi01-a", "rack2-pi02-a"),
                NamePattern.expand("rack{1..2}-pi{01..02}-a"));
        assertEquals(List.of("kiosk"), NamePattern.expand(" kiosk "));
    }

    @Test
    void badPatternsAreExplained() {
        assertMessage("pi5-{250..001}", "counts down: write {001..250} instead");
        assertMessage("pi5-{001..250", "'{' that is never closed");
        assertMessage("pi5-001..250}", "'}' without a matching '{'");
        assertMessage("pi5-{a..z}", "both ends of a range must be whole numbers");
        assertMessage("pi5-{1,2}", "not a range");
        assertMessage("pi5-{1..{2..3}}", "braces inside braces");
        assertMessage("", "empty");
        assertMessage("pi/{1..3}", "cannot be part of a file name");
        assertMessage("x{1..200}-{1..200}", "makes 40000 names: at most 10000");
        assertMessage("x{0..99999999}", "at most 10000");
    }

    private static void assertMessage(String pattern, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NamePattern.expand(pattern));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
