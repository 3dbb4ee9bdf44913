package org.fleetdesk.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fleetdesk.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileTest {
    @ParameterizedTest
    @ValueSource(strings = {"acme", "Acme-Prod", "org_2", "a", "x.y", "0123456789012345678901234567890123456789"})
    void acceptsFolderSafeNames(String name) {
        assertEquals(name, Profile.requireValidName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "my org", "../etc", "a/b", "a\\b", ".hidden", "-x", "trailing.", "con", "NUL",
            "com1.txt", "tab\tname", "01234567890123456789012345678901234567890", "naïve"})
    void refusesNamesThatCannotBeAFolder(String name) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Profile.requireValidName(name));
        assertTrue(e.getMessage().toLowerCase().contains("name"), e.getMessage());
    }

    @Test
    void suggestsAUsableNameForASentence() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Profile.requireValidName("My Org!"));
        assertTrue(e.getMessage().contains("Try \"My-Org\""), e.getMessage());
    }

    @Test
    void normalisesHttpsAddresses() {
        assertEquals("https://api.connect.raspberrypi.com", Profile.normalizeApiUrl(" https://API.connect.raspberrypi.com/ "));
        assertEquals("https://example.org:8443/base", Profile.normalizeApiUrl("https://example.org:8443/base/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:9000", "http://[::1]:9000", "http://127.0.0.2"})
    void allowsPlainHttpOnlyOnLoopback(String url) {
        assertTrue(Profile.normalizeApiUrl(url).startsWith("http://"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.connect.raspberrypi.com", "http://192.168.1.10", "http://localhost.example.com",
            "ftp://example.org", "api.connect.raspberrypi.com", "https://", "https://user:pw@example.org",
            "https://example.org/?token=x", "https://exa mple.org", ""})
    void refusesAddressesThatWouldLeakOrCannotWork(String url) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Profile.normalizeApiUrl(url));
        assertTrue(e.getMessage().contains("URL"), e.getMessage());
    }

    @Test
    void plainHttpMessageSaysWhy() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Profile.normalizeApiUrl("http://fleet.example.org"));
        assertTrue(e.getMessage().contains("unencrypted") && e.getMessage().contains("https://"), e.getMessage());
    }

    @Test
    void secretNeverPrints() {
        Secret token = Secret.of("rporg_abcdef123456");
        Connection connection = new Connection("https://x.example", token, "acme", "test");
        assertEquals("<redacted>", token.toString());
        assertTrue(!connection.toString().contains("abcdef123456"), connection.toString());
        assertEquals("rporg_abcdef123456", token.reveal());
    }
}
