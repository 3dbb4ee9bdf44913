package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fleetdesk.AppPaths;
import org.fleetdesk.api.Json;
import org.fleetdesk.secrets.Connections;
import org.fleetdesk.secrets.ConsolePassphrasePrompt;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.secrets.TokenScan;
import org.fleetdesk.secrets.TokenStores;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProfileCommandTest {
    static final String TOKEN = "rporg_Cl1T0kenFromStd1n";
    static final Map<String, String> WITH_PASSPHRASE = Map.of(Connections.PASSPHRASE_VARIABLE, "a long enough passphrase");

    @TempDir
    Path home;

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Result run(Path home, Map<String, String> environment, String stdin, String... args) {
        ProfileCommand command = new ProfileCommand(home, environment,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Result run(String stdin, String... args) {
        return run(home, WITH_PASSPHRASE, stdin, args);
    }

    @Test
    void addsAProfileWithTheTokenFromStandardInputAndNeverPrintsIt() {
        Result added = run(TOKEN + "\n", "add", "acme", "--api-url", "https://api.connect.raspberrypi.com", "--store", "file");
        assertEquals(0, added.exit(), added.all());
        assertTrue(added.out().contains("Added profile 'acme'") && added.out().contains("encrypted file"), added.out());
        assertTrue(added.out().contains("It is the current profile."), added.out());

        Result table = run("", "list");
        assertEquals(0, table.exit(), table.all());
        assertTrue(table.out().contains("* acme") && table.out().contains("https://api.connect.raspberrypi.com"), table.out());

        for (Result result : new Result[] {added, table, run("", "list", "--format", "json")}) {
            assertFalse(TokenScan.foundIn(result.all(), TOKEN) || result.all().contains("Cl1T0ken"), "the token was printed");
        }
        ProfileStore profiles = new ProfileStore(home, new TokenStores(home, new ConsolePassphrasePrompt(WITH_PASSPHRASE, null)));
        assertEquals(TOKEN, new Connections(profiles, WITH_PASSPHRASE).resolve("acme").token().reveal());
    }

    @Test
    void listsAsJsonWithTheApiFieldStyle() throws Exception {
        run(TOKEN, "add", "acme", "--store", "session");
        run(TOKEN, "add", "demo", "--api-url", "http://127.0.0.1:8080", "--store", "file");
        Result json = run("", "list", "--format", "JSON");
        assertEquals(0, json.exit(), json.all());
        JsonNode rows = Json.mapper().readTree(json.out());
        assertEquals(2, rows.size());
        assertEquals("acme", rows.get(0).get("name").asText());
        assertEquals("https://api.connect.raspberrypi.com", rows.get(0).get("api_url").asText());
        assertEquals("session", rows.get(0).get("token_store").asText());
        assertTrue(rows.get(0).get("current").asBoolean());
        assertEquals("file", rows.get(1).get("token_store").asText());
        assertTrue(rows.get(1).get("token_location").asText().endsWith("demo.token"));
        assertFalse(rows.get(1).get("current").asBoolean());
    }

    @Test
    void refusesInvalidInputWithExitTwoAndSavesNothing() {
        Result badName = run(TOKEN, "add", "my org", "--store", "session");
        assertEquals(2, badName.exit());
        assertTrue(badName.err().contains("Profile name \"my org\" is invalid") && badName.err().contains("Try \"my-org\""), badName.err());

        Result badUrl = run(TOKEN, "add", "acme", "--api-url", "http://fleet.example.org", "--store", "session");
        assertEquals(2, badUrl.exit());
        assertTrue(badUrl.err().contains("http://") && badUrl.err().contains("unencrypted"), badUrl.err());

        Result noToken = run("  \n", "add", "acme", "--store", "session");
        assertEquals(2, noToken.exit());
        assertTrue(noToken.err().contains("No token given"), noToken.err());

        Result twoWords = run("rporg_a rporg_b", "add", "acme", "--store", "session");
        assertEquals(2, twoWords.exit());
        assertTrue(twoWords.err().contains("single word"), twoWords.err());
        assertFalse(twoWords.all().contains("rporg_a"), "the rejected token was printed");

        Result badStore = run(TOKEN, "add", "acme", "--store", "vault");
        assertEquals(2, badStore.exit());
        assertTrue(badStore.err().contains("Unknown token store \"vault\""), badStore.err());

        Result shortPassphrase = run(home, Map.of(Connections.PASSPHRASE_VARIABLE, "short"), TOKEN, "add", "acme", "--store", "file");
        assertEquals(2, shortPassphrase.exit());
        assertTrue(shortPassphrase.err().contains("at least 8"), shortPassphrase.err());

        Result noPassphrase = run(home, Map.of(), TOKEN, "add", "acme", "--store", "file");
        assertEquals(2, noPassphrase.exit());
        assertTrue(noPassphrase.err().contains(Connections.PASSPHRASE_VARIABLE), noPassphrase.err());

        assertFalse(Files.exists(home.resolve(ProfileStore.FILE_NAME)), "nothing was saved");
    }

    @Test
    void theTokenCannotBeGivenAsAnArgument() {
        Result result = run("", "add", "acme", "--token", TOKEN);
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("Unknown option"), result.err());
    }

    @Test
    void withoutAKeychainAsksWhereToKeepTheToken() {
        TokenStores probe = new TokenStores(home, (p, purpose) -> new char[0]);
        Assumptions.assumeFalse(probe.keychainStatus().available(), "this session has an OS keychain");
        Result result = run(TOKEN, "add", "acme");
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("--store file") && result.err().contains("--store session"), result.err());
    }

    @Test
    void duplicatesAndReplacement() {
        run(TOKEN, "add", "acme", "--store", "file");
        Result duplicate = run(TOKEN, "add", "ACME", "--store", "session");
        assertEquals(2, duplicate.exit());
        assertTrue(duplicate.err().contains("already exists") && duplicate.err().contains("--replace"), duplicate.err());

        Result replaced = run("rporg_second", "add", "acme", "--api-url", "https://other.example.org", "--store", "file", "--replace");
        assertEquals(0, replaced.exit(), replaced.all());
        ProfileStore profiles = new ProfileStore(home, new TokenStores(home, new ConsolePassphrasePrompt(WITH_PASSPHRASE, null)));
        assertEquals("rporg_second", new Connections(profiles, Map.of()).resolve("acme").token().reveal());

        Result nothingToReplace = run(TOKEN, "add", "other", "--store", "session", "--replace");
        assertEquals(2, nothingToReplace.exit());
    }

    @Test
    void useRenameAndRemove() throws Exception {
        run(TOKEN, "add", "acme", "--store", "file");
        run(TOKEN, "add", "beta", "--store", "session");
        Files.createDirectories(home.resolve("orgs/acme"));

        Result use = run("", "use", "beta");
        assertEquals(0, use.exit(), use.all());
        assertTrue(run("", "list").out().contains("* beta"));
        assertEquals(2, run("", "use", "gamma").exit());

        Result rename = run("", "rename", "acme", "acme-prod");
        assertEquals(0, rename.exit(), rename.all());
        assertTrue(Files.exists(home.resolve("orgs/acme-prod")));

        Result unconfirmed = run("", "remove", "acme-prod");
        assertEquals(2, unconfirmed.exit());
        assertTrue(unconfirmed.err().contains("--yes"), unconfirmed.err());

        Result removed = run("", "remove", "acme-prod", "--yes");
        assertEquals(0, removed.exit(), removed.all());
        assertFalse(Files.exists(home.resolve("orgs/acme-prod")));
        assertFalse(Files.exists(home.resolve("secrets/acme-prod.token")));
        assertEquals(2, run("", "remove", "acme-prod", "--yes").exit());
    }

    @Test
    void isRegisteredUnderTheRootCommand() {
        String previous = System.getProperty(AppPaths.HOME_VARIABLE);
        System.setProperty(AppPaths.HOME_VARIABLE, home.toString());
        try {
            CommandLine root = FleetdeskCommand.commandLine(CliEnvironment.system());
            StringWriter out = new StringWriter();
            root.setOut(new PrintWriter(out, true));
            assertEquals(0, root.execute("profile", "list"));
            assertTrue(out.toString().contains("No profiles yet"), out.toString());
        } finally {
            if (previous == null) {
                System.clearProperty(AppPaths.HOME_VARIABLE);
            } else {
                System.setProperty(AppPaths.HOME_VARIABLE, previous);
            }
        }
    }
}
