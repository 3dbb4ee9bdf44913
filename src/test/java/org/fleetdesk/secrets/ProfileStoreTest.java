package org.fleetdesk.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.fleetdesk.api.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    private static final String TOKEN = "rporg_Profile5tore7okenValue";
    private static final String PASSPHRASE = "a long enough passphrase";

    @TempDir
    Path home;
    private ProfileStore profiles;

    @BeforeEach
    void setUp() {
        profiles = new ProfileStore(home, noKeychain(home));
    }

    static TokenStores noKeychain(Path home) {
        return new TokenStores(home, (profile, purpose) -> PASSPHRASE.toCharArray(), () -> {
            throw new com.github.javakeyring.BackendNotSupportedException("No available keyring backend found");
        }, Duration.ofSeconds(5));
    }

    private static Profile profile(String name, TokenStoreKind kind) {
        return new Profile(name, "https://api.connect.raspberrypi.com", kind);
    }

    @Test
    void startsEmptyWithoutCreatingAnything() {
        assertEquals(List.of(), profiles.list());
        assertTrue(profiles.current().isEmpty());
        assertFalse(Files.exists(profiles.file()));
    }

    @Test
    void addsListsAndRemembersTheCurrentProfile() {
        profiles.add(profile("acme", TokenStoreKind.SESSION), Secret.of(TOKEN));
        profiles.add(new Profile("demo", "http://127.0.0.1:8080", TokenStoreKind.SESSION), Secret.of("rporg_other"));

        assertEquals(List.of("acme", "demo"), profiles.list().stream().map(Profile::name).toList());
        assertEquals("acme", profiles.current().orElseThrow().name(), "the first profile becomes current");
        profiles.use("DEMO");
        ProfileStore reopened = new ProfileStore(home, noKeychain(home));
        assertEquals("demo", reopened.current().orElseThrow().name());
        assertEquals("http://127.0.0.1:8080", reopened.require("demo").apiUrl());
    }

    @Test
    void keepsTokensOutOfTheProfilesFile() throws IOException {
        profiles.add(profile("acme", TokenStoreKind.FILE), Secret.of(TOKEN));
        String json = Files.readString(profiles.file());
        assertTrue(json.contains("\"api_url\"") && json.contains("\"token_store\" : \"file\""), json);
        TokenScan.assertNotFoundUnder(home, TOKEN);
        assertEquals(TOKEN, profiles.tokenStores().open(TokenStoreKind.FILE).load("acme").orElseThrow().reveal());
    }

    @Test
    void refusesDuplicatesWhateverTheirCaseAndBlankTokens() {
        profiles.add(profile("acme", TokenStoreKind.SESSION), Secret.of(TOKEN));
        InvalidInputException duplicate = assertThrows(InvalidInputException.class,
                () -> profiles.add(profile("ACME", TokenStoreKind.SESSION), Secret.of(TOKEN)));
        assertTrue(duplicate.getMessage().contains("already exists"), duplicate.getMessage());
        InvalidInputException blank = assertThrows(InvalidInputException.class,
                () -> profiles.add(profile("other", TokenStoreKind.SESSION), Secret.of("  ")));
        assertTrue(blank.getMessage().contains("No token"), blank.getMessage());
        assertEquals(1, profiles.list().size());
    }

    @Test
    void unknownProfileMessageListsTheKnownOnes() {
        profiles.add(profile("acme", TokenStoreKind.SESSION), Secret.of(TOKEN));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> profiles.use("acne"));
        assertTrue(e.getMessage().contains("No profile named 'acne'") && e.getMessage().contains("acme"), e.getMessage());
    }

    @Test
    void removalDeletesTokenAndDataFolderAndMovesCurrent() throws IOException {
        profiles.add(profile("acme", TokenStoreKind.FILE), Secret.of(TOKEN));
        profiles.add(profile("beta", TokenStoreKind.SESSION), Secret.of("rporg_beta"));
        Path cache = Files.createDirectories(profiles.orgFolder("acme").resolve("nested"));
        Files.writeString(cache.resolve("cache.db"), "cached fleet");
        Path tokenFile = home.resolve("secrets/acme.token");
        assertTrue(Files.exists(tokenFile));

        assertTrue(profiles.remove("acme").isEmpty());

        assertFalse(Files.exists(profiles.orgFolder("acme")));
        assertFalse(Files.exists(tokenFile));
        assertEquals(List.of("beta"), profiles.list().stream().map(Profile::name).toList());
        assertEquals("beta", profiles.current().orElseThrow().name());
        profiles.remove("beta");
        assertTrue(profiles.current().isEmpty());
        assertTrue(profiles.tokenStores().open(TokenStoreKind.SESSION).load("beta").isEmpty());
    }

    @Test
    void removingAKeychainProfileWhereThereIsNoKeychainSaysWhatIsLeft() throws IOException {
        Files.writeString(profiles.file(), "{\"current\":\"acme\",\"profiles\":[{\"name\":\"acme\","
                + "\"api_url\":\"https://api.connect.raspberrypi.com\",\"token_store\":\"keychain\"}]}");
        String notice = profiles.remove("acme").orElseThrow();
        assertTrue(notice.contains("Fleetdesk") && notice.contains("acme"), notice);
        assertTrue(profiles.list().isEmpty());
    }

    @Test
    void renameMovesTokenFolderAndCurrentMarker() throws IOException {
        profiles.add(profile("acme", TokenStoreKind.FILE), Secret.of(TOKEN));
        Files.createDirectories(profiles.orgFolder("acme"));
        Files.writeString(profiles.orgFolder("acme").resolve("cache.db"), "x");

        profiles.rename("acme", "acme-prod");

        assertEquals("acme-prod", profiles.current().orElseThrow().name());
        assertTrue(Files.exists(profiles.orgFolder("acme-prod").resolve("cache.db")));
        assertFalse(Files.exists(profiles.orgFolder("acme")));
        TokenStore files = profiles.tokenStores().open(TokenStoreKind.FILE);
        assertEquals(TOKEN, files.load("acme-prod").orElseThrow().reveal());
        assertTrue(files.load("acme").isEmpty());
    }

    @Test
    void renamingToTheSameNameKeepsTheToken() {
        profiles.add(profile("acme", TokenStoreKind.SESSION), Secret.of(TOKEN));
        profiles.rename("acme", "acme");
        assertEquals(TOKEN, profiles.tokenStores().open(TokenStoreKind.SESSION).load("acme").orElseThrow().reveal());
        profiles.rename("acme", "Acme");
        assertEquals(TOKEN, profiles.tokenStores().open(TokenStoreKind.SESSION).load("Acme").orElseThrow().reveal());
        assertEquals("Acme", profiles.current().orElseThrow().name());
    }

    @Test
    void replaceChangesUrlTokenAndStoreButKeepsTheCache() throws IOException {
        profiles.add(profile("acme", TokenStoreKind.FILE), Secret.of(TOKEN));
        Files.createDirectories(profiles.orgFolder("acme"));
        profiles.replace(new Profile("acme", "https://other.example.org", TokenStoreKind.SESSION), Secret.of("rporg_new"));

        Profile updated = profiles.require("acme");
        assertEquals("https://other.example.org", updated.apiUrl());
        assertEquals(TokenStoreKind.SESSION, updated.tokenStore());
        assertFalse(Files.exists(home.resolve("secrets/acme.token")), "the old store forgets the token");
        assertTrue(Files.exists(profiles.orgFolder("acme")));
    }

    @Test
    void damagedFileGivesAClearMessage() throws IOException {
        Files.writeString(profiles.file(), "{\"profiles\":[{\"name\":\"bad name\",\"api_url\":\"https://x.org\",\"token_store\":\"file\"}]}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> profiles.list());
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains(ProfileStore.FILE_NAME), e.getMessage());
    }

    @Test
    void writesAtomicallySoReadersNeverSeeAHalfWrittenFile() throws Exception {
        for (int i = 0; i < 30; i++) {
            profiles.add(profile("org" + i, TokenStoreKind.SESSION), Secret.of(TOKEN));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            ProfileStore other = new ProfileStore(home, noKeychain(home));
            while (writing.get()) {
                assertEquals(30, other.list().size());
                reads.incrementAndGet();
            }
        });
        Throwable[] readerFailure = new Throwable[1];
        reader.setUncaughtExceptionHandler((thread, failure) -> readerFailure[0] = failure);
        reader.start();
        for (int i = 0; i < 100; i++) {
            profiles.use("org" + (i % 30));
        }
        writing.set(false);
        reader.join();
        assertEquals(null, readerFailure[0], "a reader saw a partial profiles file");
        assertTrue(reads.get() > 0);
        try (Stream<Path> files = Files.list(home)) {
            assertEquals(List.of(".profiles.json.lock", "profiles.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files are left");
        }
    }

    @Test
    void aWriteThatCannotReplaceItsTargetLeavesTargetAndFolderAsTheyWere() throws IOException {
        Path target = home.resolve("target");
        Files.createDirectories(target.resolve("occupied"));
        assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[] {1, 2, 3}, false));
        assertTrue(Files.isDirectory(target.resolve("occupied")));
        try (Stream<Path> files = Files.list(home)) {
            assertEquals(List.of("target"), files.map(p -> p.getFileName().toString()).toList(), "the temporary file is removed");
        }
    }
}
