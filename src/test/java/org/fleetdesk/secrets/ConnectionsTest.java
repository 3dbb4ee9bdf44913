package org.fleetdesk.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fleetdesk.api.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsTest {
    private static final String STORED = "rporg_storedInTheProfile";
    private static final String FROM_ENV = "rporg_fromTheEnvironment";

    @TempDir
    Path home;
    private ProfileStore profiles;

    @BeforeEach
    void setUp() {
        profiles = new ProfileStore(home, ProfileStoreTest.noKeychain(home));
        profiles.add(new Profile("acme", "https://acme.example.org", TokenStoreKind.SESSION), Secret.of(STORED));
        profiles.add(new Profile("demo", "http://127.0.0.1:8080", TokenStoreKind.SESSION), Secret.of("rporg_demo"));
    }

    private Connection resolve(Map<String, String> environment, String profile) {
        return new Connections(profiles, environment).resolve(profile);
    }

    @Test
    void usesTheCurrentProfileWhenNothingElseIsSaid() {
        Connection connection = resolve(Map.of(), null);
        assertEquals("https://acme.example.org", connection.apiUrl());
        assertEquals(STORED, connection.token().reveal());
        assertEquals("acme", connection.profileName());
        assertTrue(connection.source().contains("profile 'acme'"), connection.source());
    }

    @Test
    void readsTheTokenFromTheEncryptedFileWithThePassphrase() {
        profiles.add(new Profile("locked", "https://locked.example.org", TokenStoreKind.FILE), Secret.of(STORED));
        ProfileStore nextRun = new ProfileStore(home, ProfileStoreTest.noKeychain(home));
        Connection connection = new Connections(nextRun, Map.of()).resolve("locked");
        assertEquals(STORED, connection.token().reveal());
        assertTrue(connection.source().contains("encrypted file"), connection.source());

        ProfileStore wrong = new ProfileStore(home, new TokenStores(home, (p, purpose) -> "not the passphrase".toCharArray()));
        assertThrows(WrongPassphraseException.class, () -> new Connections(wrong, Map.of()).resolve("locked"));
    }

    @Test
    void usesTheNamedProfile() {
        Connection connection = resolve(Map.of(), "demo");
        assertEquals("http://127.0.0.1:8080", connection.apiUrl());
        assertEquals("rporg_demo", connection.token().reveal());
    }

    @Test
    void environmentTokenOverridesTheProfile() {
        Connection connection = resolve(Map.of(Connections.TOKEN_VARIABLE, FROM_ENV), "acme");
        assertEquals(FROM_ENV, connection.token().reveal());
        assertEquals("https://acme.example.org", connection.apiUrl(), "without FLEETDESK_API_URL the profile's URL is used");
        assertTrue(connection.source().contains(Connections.TOKEN_VARIABLE));
    }

    @Test
    void environmentAloneServesCiJobs() {
        Connection defaults = resolve(Map.of(Connections.TOKEN_VARIABLE, FROM_ENV), null);
        assertEquals(Profile.DEFAULT_API_URL, defaults.apiUrl(), "no profile named: the documented default URL");
        assertNull(defaults.profileName());
        Connection both = resolve(Map.of(Connections.TOKEN_VARIABLE, " " + FROM_ENV + "\n",
                Connections.API_URL_VARIABLE, "http://localhost:9999/"), "acme");
        assertEquals("http://localhost:9999", both.apiUrl());
        assertEquals(FROM_ENV, both.token().reveal());
    }

    @Test
    void aStoredTokenIsNeverSentToAnotherAddress() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> resolve(Map.of(Connections.API_URL_VARIABLE, "https://elsewhere.example.org"), "acme"));
        assertTrue(e.getMessage().contains(Connections.TOKEN_VARIABLE) && e.getMessage().contains("only sent to its own URL"),
                e.getMessage());
        assertEquals(STORED, resolve(Map.of(Connections.API_URL_VARIABLE, "https://acme.example.org/"), "acme").token().reveal());
    }

    @Test
    void refusesAnUnsafeEnvironmentUrl() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> resolve(Map.of(
                Connections.TOKEN_VARIABLE, FROM_ENV, Connections.API_URL_VARIABLE, "http://fleet.example.org"), null));
        assertTrue(e.getMessage().startsWith("The environment variable " + Connections.API_URL_VARIABLE), e.getMessage());
        assertTrue(!e.getMessage().contains(FROM_ENV));
    }

    @Test
    void explainsWhatToConfigureWhenNothingIs() {
        ProfileStore empty = new ProfileStore(home.resolve("empty"), ProfileStoreTest.noKeychain(home.resolve("empty")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Connections(empty, Map.of()).resolve(null));
        assertTrue(e.getMessage().contains("fleetdesk profile add") && e.getMessage().contains(Connections.TOKEN_VARIABLE),
                e.getMessage());
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> resolve(Map.of(), "nope"));
        assertTrue(unknown.getMessage().contains("No profile named 'nope'"), unknown.getMessage());
    }

    @Test
    void sessionProfileInANewSessionSaysWhereTheTokenMustComeFrom() {
        ProfileStore nextSession = new ProfileStore(home, ProfileStoreTest.noKeychain(home));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new Connections(nextSession, Map.of()).resolve("demo"));
        assertTrue(e.getMessage().contains("one session only") && e.getMessage().contains(Connections.TOKEN_VARIABLE),
                e.getMessage());
    }

    @Test
    void keychainProfileWhereThereIsNoKeychainSaysWhatToDo() throws IOException {
        Path overSsh = home.resolve("over-ssh");
        Files.createDirectories(overSsh);
        Files.writeString(overSsh.resolve(ProfileStore.FILE_NAME), "{\"current\":\"desk\",\"profiles\":[{\"name\":\"desk\","
                + "\"api_url\":\"https://desk.example.org\",\"token_store\":\"keychain\"}]}");
        ProfileStore store = new ProfileStore(overSsh, ProfileStoreTest.noKeychain(overSsh));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Connections(store, Map.of()).resolve(null));
        assertTrue(e.getMessage().contains("OS keychain") && e.getMessage().contains("--replace --store file")
                && e.getMessage().contains(Connections.TOKEN_VARIABLE), e.getMessage());
    }

    @Test
    void commandLinePassphraseComesFromTheEnvironmentOrNeedsATerminal() {
        ConsolePassphrasePrompt fromEnv = new ConsolePassphrasePrompt(Map.of(Connections.PASSPHRASE_VARIABLE, "s3cret pass"), null);
        assertEquals("s3cret pass", new String(fromEnv.passphrase("acme", PassphrasePrompt.Purpose.UNLOCK)));
        ConsolePassphrasePrompt none = new ConsolePassphrasePrompt(Map.of(), null);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> none.passphrase("acme", PassphrasePrompt.Purpose.UNLOCK));
        assertTrue(e.getMessage().contains(Connections.PASSPHRASE_VARIABLE), e.getMessage());
    }
}
