package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fleetdesk.api.Json;
import org.fleetdesk.secrets.Connections;
import org.fleetdesk.secrets.ConsolePassphrasePrompt;
import org.fleetdesk.secrets.Profile;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.secrets.Secret;
import org.fleetdesk.secrets.TokenStoreKind;
import org.fleetdesk.secrets.TokenStores;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code devices sync} and {@code devices list [--offline]} against the simulator. */
class DevicesSyncCommandTest {
    private static final String PASSPHRASE = "a long enough passphrase";

    private SimServer sim;
    private CliRun cli;

    @BeforeEach
    void start() throws IOException {
        sim = SimServer.start(SimConfig.builder().devices(450).seed(31).token(CliRun.TOKEN).build());
        cli = CliRun.against(sim.baseUrl());
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void syncShowsProgressOnStderrAndTheSummaryOnStdout() {
        CliRun.Result result = cli.run("devices", "sync");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("Syncing devices: page 5 of 5"), result.err());
        assertTrue(result.out().startsWith("Synced 450 devices (450 new, 0 changed, 0 removed), 0 artefacts, 0 auth"
                + " keys, 0 device identities in "), result.out());
        String cache = result.out().lines().filter(line -> line.startsWith("Cache: ")).findFirst().orElseThrow()
                .substring("Cache: ".length());
        assertTrue(cache.matches(".*/env/127\\.0\\.0\\.1-" + sim.port() + "-[0-9a-f]{16}/cache\\.sqlite"), cache);
        assertTrue(Files.isRegularFile(Path.of(cache)));

        CliRun.Result again = cli.run("devices", "sync");
        assertTrue(again.out().startsWith("Synced 450 devices, 0 artefacts"), again.out());
    }

    @Test
    void offlineListingGivesTheApisAnswerAndSaysHowOldTheCacheIs() throws IOException {
        cli.run("devices", "sync");
        for (String query : List.of("tag:kiosk", "model:4b memory:4gb", "leeds 01", "\"-york-\" tag:production")) {
            CliRun.Result online = cli.run("devices", "list", "--query", query, "--format", "json");
            CliRun.Result offline = cli.run("devices", "list", "--offline", "--query", query, "--format", "json");

            assertEquals(0, offline.exitCode(), offline.err());
            JsonNode answer = Json.mapper().readTree(online.out());
            assertTrue(answer.size() > 0, query);
            assertEquals(answer, Json.mapper().readTree(offline.out()), query);
            assertTrue(offline.err().startsWith("Offline: answered from the local cache, synced less than a minute ago"),
                    offline.err());
            assertFalse(online.err().contains("Offline"), online.err());
        }
    }

    @Test
    void offlineListingPagesAndPrintsTablesAndCsv() {
        cli.run("devices", "sync");

        CliRun.Result page = cli.run("devices", "list", "--offline", "--page", "2", "--per-page", "100", "--format", "json");
        CliRun.Result table = cli.run("devices", "list", "--offline", "--query", "tag:kiosk");
        CliRun.Result csv = cli.run("devices", "list", "--offline", "--format", "csv");

        assertTrue(page.err().contains("Page 2 of 5 (450 in total)."), page.err());
        assertEquals(100, page.out().lines().filter(line -> line.contains("\"id\"")).count());
        assertTrue(table.out().lines().findFirst().orElseThrow().matches("ID +NAME +SERIAL +MODEL +MEMORY +OS +TAGS"),
                table.out());
        List<String> lines = csv.out().lines().toList();
        assertEquals(451, lines.size());
        assertEquals(String.join(",", DeviceCsv.HEADER), lines.get(0));
        assertTrue(csv.out().contains("\r\n"));
    }

    @Test
    void listingOfflineBeforeAnySyncSaysToSyncFirst() {
        CliRun.Result result = cli.run("devices", "list", "--offline");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("There is no local cache for this organisation yet"), result.err());
        assertTrue(result.err().contains("run fleetdesk devices sync first"), result.err());
    }

    @Test
    void aSyncThatFailsSaysWhereAndThatTheCacheKeptItsContent() {
        cli.run("devices", "sync");
        sim.stop();

        CliRun.Result result = cli.run("devices", "sync");

        assertEquals(6, result.exitCode());
        assertTrue(result.err().contains("The sync stopped while fetching devices (first page): the cache was not"
                + " changed.\nIt still holds the sync of less than a minute ago ("), result.err());
        assertTrue(result.err().contains("Error: Network failure: cannot connect to"), result.err());
        CliRun.Result offline = cli.run("devices", "list", "--offline", "--format", "csv");
        assertEquals(451, offline.out().lines().count());
    }

    @Test
    void badSyncLimitsAreRefusedBeforeAnythingIsSent() {
        for (String[] args : new String[][] {{"--concurrency", "0"}, {"--concurrency", "65"}, {"--max-rate", "0"}}) {
            CliRun.Result result = cli.run("devices", "sync", args[0], args[1]);
            assertEquals(2, result.exitCode(), result.err());
            assertTrue(result.err().contains(args[0] + " " + args[1]), result.err());
        }
    }

    @Test
    void aProfileHasItsOwnCacheUnderItsOrganisationFolder() {
        Map<String, String> passphrase = Map.of(Connections.PASSPHRASE_VARIABLE, PASSPHRASE);
        ProfileStore profiles = new ProfileStore(cli.home(), new TokenStores(cli.home(),
                new ConsolePassphrasePrompt(passphrase, null)));
        profiles.add(new Profile("acme", sim.baseUrl(), TokenStoreKind.FILE), Secret.of(CliRun.TOKEN));
        CliRun withProfile = cli.without("FLEETDESK_TOKEN").without("FLEETDESK_API_URL")
                .with(Connections.PASSPHRASE_VARIABLE, PASSPHRASE);

        CliRun.Result synced = withProfile.run("devices", "sync", "--profile", "acme");
        CliRun.Result offline = withProfile.run("devices", "list", "--offline", "--query", "tag:kiosk");

        assertEquals(0, synced.exitCode(), synced.err());
        assertTrue(synced.out().contains("Cache: " + profiles.orgFolder("acme").resolve("cache.sqlite")), synced.out());
        assertEquals(0, offline.exitCode(), offline.err());
        assertTrue(offline.out().lines().count() > 1, offline.out());
    }
}
