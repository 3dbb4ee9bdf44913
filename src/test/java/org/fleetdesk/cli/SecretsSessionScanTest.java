package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fleetdesk.secrets.Connection;
import org.fleetdesk.secrets.Connections;
import org.fleetdesk.secrets.ConsolePassphrasePrompt;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.secrets.TokenScan;
import org.fleetdesk.secrets.TokenStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole session through the CLI, then a search of FLEETDESK_HOME and of everything printed for the token. */
class SecretsSessionScanTest {
    private static final String TOKEN = "rporg_5canMeIfY0uCanXq7Lm2";

    @TempDir
    Path home;

    @Test
    void noTokenAnywhereAfterAddUseAndRemove() throws IOException {
        Map<String, String> env = ProfileCommandTest.WITH_PASSPHRASE;
        List<ProfileCommandTest.Result> printed = new ArrayList<>();
        printed.add(ProfileCommandTest.run(home, env, TOKEN + "\n", "add", "acme", "--api-url", "http://127.0.0.1:9999", "--store", "file"));
        printed.add(ProfileCommandTest.run(home, env, "", "use", "acme"));
        printed.add(ProfileCommandTest.run(home, env, "", "list"));
        printed.add(ProfileCommandTest.run(home, env, "", "list", "--format", "json"));

        ProfileStore profiles = new ProfileStore(home, new TokenStores(home, new ConsolePassphrasePrompt(env, null)));
        Connection connection = new Connections(profiles, env).resolve(null);
        assertEquals(TOKEN, connection.token().reveal());
        Files.createDirectories(home.resolve("orgs/acme"));
        Files.writeString(home.resolve("orgs/acme/notes.txt"), "connected via " + connection + " / " + connection.token());

        assertNoToken(printed);
        printed.add(ProfileCommandTest.run(home, env, "", "remove", "acme", "--yes"));
        assertEquals(0, printed.get(printed.size() - 1).exit());
        assertNoToken(printed);
        try (Stream<Path> left = Files.list(home.resolve("secrets"))) {
            assertEquals(0, left.count(), "the encrypted token file is deleted with the profile");
        }
        assertFalse(Files.exists(home.resolve("orgs/acme")));
    }

    private void assertNoToken(List<ProfileCommandTest.Result> printed) throws IOException {
        TokenScan.assertNotFoundUnder(home, TOKEN);
        for (ProfileCommandTest.Result result : printed) {
            if (TokenScan.foundIn(result.all(), TOKEN)) {
                fail("a command printed the token (output withheld)");
            }
        }
    }
}
