package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.NewArtefact;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.api.TestKeys;
import org.fleetdesk.sim.Organisation;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Bad input through the command line, against a running simulator: each case is refused with exit code 2 and a
 * message that says what is wrong, and the organisation is left exactly as it was (nothing was sent that changes it).
 */
class BadInputCorpusTest {
    @TempDir
    static Path files;
    private static SimServer server;
    private static String firstDevice;

    @BeforeAll
    static void start() throws Exception {
        server = SimServer.start(SimConfig.builder().devices(30).seed(21).build());
        firstDevice = server.organisation().devices().get(0).id();
        Files.writeString(files.resolve("p256.pem"), TestKeys.pem(TestKeys.ec("secp256r1").getPublic()));
        KeyPair pair = TestKeys.ec("secp256r1");
        Files.writeString(files.resolve("device.pem"), TestKeys.pem(pair.getPublic()));
        Files.writeString(files.resolve("device-private.pem"), TestKeys.pkcs8(pair));
        Files.writeString(files.resolve("p384.pem"), TestKeys.pem(TestKeys.ec("secp384r1").getPublic()));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Files.writeString(files.resolve("rsa.pem"), TestKeys.pem(rsa.generateKeyPair().getPublic()));
        Files.writeString(files.resolve("private-as-public.pem"), TestKeys.pkcs8(pair));
        String full = TestKeys.pem(pair.getPublic());
        Files.writeString(files.resolve("truncated.pem"), full.substring(0, full.length() / 2));
        Files.writeString(files.resolve("garbage.pem"), "this is not a key\n");
        Files.writeString(files.resolve("p384-private.pem"), TestKeys.pkcs8(TestKeys.ec("secp384r1")));
        Files.writeString(files.resolve("plain.txt"), "a file, not a folder\n");
        Files.createDirectories(files.resolve("a-folder"));
        try (ConnectClient client = ConnectClient.builder().baseUrl(server.baseUrl()).token(server.token()).build()) {
            client.createArtefact(new NewArtefact("kiosk-v2", "https://example.com/kiosk-v2.img", "a".repeat(64)));
        }
        Result sync = run(files.resolve("home"), List.of("devices", "sync"));
        assertEquals(0, sync.exit(), sync.err());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }



    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        String[] badTags = {"Kiosk", "two words", "a".repeat(31), "", "ümlaut", "tag!", "tag/slash", "\u0007bell"};
        for (String tag : badTags) {
            cases.add(Arguments.of("auth-keys create tag " + printable(tag),
                    List.of("auth-keys", "create", "--description", "d", "--tag", tag), "tag"));
            cases.add(Arguments.of("identities payload-digest tag " + printable(tag),
                    List.of("identities", "payload-digest", "--public-key", "@device.pem", "--description", "d", "--tag", tag), "tag"));
            cases.add(Arguments.of("identities register tag " + printable(tag), List.of("identities", "register",
                    "--public-key", "@device.pem", "--description", "d", "--tag", tag, "--private-key", "@device-private.pem"), "tag"));
        }
        List<String> elevenTags = new ArrayList<>(List.of("auth-keys", "create", "--description", "d"));
        for (int i = 0; i < 11; i++) {
            elevenTags.addAll(List.of("--tag", "t" + i));
        }
        cases.add(Arguments.of("eleven tags", elevenTags, "10"));
        for (String ttl : new String[] {"0", "91", "abc", "-1", "1.5", "99999999999", ""}) {
            cases.add(Arguments.of("ttl " + ttl, List.of("auth-keys", "create", "--description", "d", "--ttl-days", ttl), "ttl"));
        }
        for (String description : new String[] {"", "   ", "\t"}) {
            cases.add(Arguments.of("blank description " + printable(description),
                    List.of("auth-keys", "create", "--description", description), "blank"));
            cases.add(Arguments.of("blank identity description " + printable(description), List.of("identities", "register",
                    "--public-key", "@device.pem", "--description", description, "--private-key", "@device-private.pem"), "blank"));
        }
        String uri = "https://example.com/image.img";
        for (String checksum : new String[] {"abc", "a".repeat(63), "a".repeat(65), "g".repeat(64), "", " " + "a".repeat(63),
                "0x" + "a".repeat(62)}) {
            cases.add(Arguments.of("checksum " + printable(checksum),
                    List.of("artefacts", "create", "--name", "n", "--uri", uri, "--checksum", checksum), "checksum"));
        }
        String sum = "a".repeat(64);
        for (String bad : new String[] {"http://example.com/image.img", "ftp://example.com/image.img", "not a uri", "",
                "https://", "javascript:alert(1)", "file:///etc/passwd"}) {
            cases.add(Arguments.of("uri " + printable(bad),
                    List.of("artefacts", "create", "--name", "n", "--uri", bad, "--checksum", sum), "uri"));
        }
        for (String name : new String[] {"", "  "}) {
            cases.add(Arguments.of("artefact name " + printable(name),
                    List.of("artefacts", "create", "--name", name, "--uri", uri, "--checksum", sum), "blank"));
        }
        cases.add(Arguments.of("artefact file missing",
                List.of("artefacts", "create", "--name", "n", "--uri", uri, "--file", "@nope.img"), "nope.img"));
        for (String key : new String[] {"@p384.pem", "@rsa.pem", "@private-as-public.pem", "@truncated.pem", "@garbage.pem",
                "@missing.pem"}) {
            cases.add(Arguments.of("public key " + key, List.of("identities", "register", "--public-key", key,
                    "--description", "d", "--private-key", "@device-private.pem"), "key"));
            cases.add(Arguments.of("digest public key " + key, List.of("identities", "payload-digest", "--public-key", key,
                    "--description", "d"), "key"));
        }
        for (String key : new String[] {"@p384-private.pem", "@device.pem", "@garbage.pem", "@missing.pem"}) {
            cases.add(Arguments.of("private key " + key, List.of("identities", "register", "--public-key", "@device.pem",
                    "--description", "d", "--private-key", key), "key"));
        }
        for (String signature : new String[] {"abc", "!!!notbase64!!!", Base64.getEncoder().encodeToString(new byte[10]),
                Base64.getEncoder().encodeToString(new byte[72]), ""}) {
            cases.add(Arguments.of("signature " + printable(signature), List.of("identities", "register", "--public-key",
                    "@device.pem", "--description", "d", "--signature", signature), "signature"));
        }
        cases.add(Arguments.of("key and signature both", List.of("identities", "register", "--public-key", "@device.pem",
                "--description", "d", "--private-key", "@device-private.pem", "--signature", "abc"), "mutually exclusive"));
        cases.add(Arguments.of("deployment state", List.of("deployments", "list", "--device", "@device", "--state", "done"), "state"));
        cases.add(Arguments.of("deployment without artefact", List.of("deployments", "create", "--device", "@device"), "artefact"));
        cases.add(Arguments.of("id with slash", List.of("devices", "delete", "a/b", "--yes"), "id"));
        cases.add(Arguments.of("id blank", List.of("auth-keys", "delete", " ", "--yes"), "id"));
        cases.add(Arguments.of("format xml", List.of("devices", "list", "--format", "xml"), "format"));
        cases.add(Arguments.of("unknown command", List.of("devicez", "list"), "devicez"));
        cases.add(Arguments.of("unknown option", List.of("devices", "list", "--colour"), "--colour"));
        cases.add(Arguments.of("per page zero", List.of("devices", "list", "--page", "1", "--per-page", "0"), "per"));
        cases.add(Arguments.of("per page too big", List.of("devices", "list", "--page", "1", "--per-page", "101"), "100"));
        cases.add(Arguments.of("page zero", List.of("devices", "list", "--page", "0"), "page"));
        cases.add(Arguments.of("delete unconfirmed", List.of("devices", "delete", "@device"), "confirm"));
        String[][] deployQueries = {{"tag:", "tag: needs a value"}, {"modle:5", "unknown qualifier"},
                {"tag:Kiosk!", "no device can have this tag"}, {"model:6", "no such model"}, {"os:windows", "no such"}, {"\"kiosk", "a quote is not closed"},
                {"kiosk ".repeat(2_000), "only the first"}};
        for (String[] query : deployQueries) {
            String shown = printable(query[0]);
            cases.add(Arguments.of("deploy to query " + shown.substring(0, Math.min(20, shown.length())),
                    List.of("deploy", "--artefact", "kiosk-v2", "--query", query[0], "--yes"), query[1]));
        }
        cases.add(Arguments.of("deploy unknown artefact", List.of("deploy", "--artefact", "kiosk-v9", "--query", "", "--yes"),
                "artefacts list"));
        cases.add(Arguments.of("deploy unconfirmed", List.of("deploy", "--artefact", "kiosk-v2", "--query", "tag:kiosk"),
                "confirm"));
        cases.add(Arguments.of("out-dir inside a file", List.of("auth-keys", "create", "--names", "pi-{1..3}", "--out-dir",
                "@plain.txt/keys"), "choose a folder you can write to"));
        cases.add(Arguments.of("out-dir is a file", List.of("auth-keys", "create", "--names", "pi-{1..3}", "--out-dir",
                "@plain.txt"), "not a folder"));
        cases.add(Arguments.of("names file missing", List.of("auth-keys", "create", "--names-file", "@names.txt", "--out-dir",
                "@keys"), "names.txt"));
        cases.add(Arguments.of("names file is a folder", List.of("auth-keys", "create", "--names-file", "@a-folder",
                "--out-dir", "@keys"), "a-folder"));
        cases.add(Arguments.of("names file not a list", List.of("auth-keys", "create", "--names-file", "@device.pem",
                "--out-dir", "@keys"), "device.pem"));
        cases.add(Arguments.of("identities csv missing", List.of("identities", "register", "--csv", "@identities.csv",
                "--private-keys", "@a-folder"),
                "identities.csv"));
        cases.add(Arguments.of("artefact file is a folder", List.of("artefacts", "create", "--name", "n", "--uri", uri,
                "--file", "@a-folder"), "a-folder"));
        return cases.stream();
    }

    private static String printable(String text) {
        return text.isEmpty() ? "(empty)" : text.replaceAll("\\p{Cntrl}", "?");
    }

    private record Snapshot(int devices, int authKeys, int identities, int artefacts, int deployments) {
        static Snapshot of(Organisation organisation) {
            return new Snapshot(organisation.deviceCount(), organisation.authKeys().size(),
                    organisation.identities().size(), organisation.artefacts().size(), organisation.deployments().size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedClearlyAndChangesNothing(String name, List<String> args, String hint) {
        Snapshot before = Snapshot.of(server.organisation());
        Result result = run(files.resolve("home"), args);
        assertEquals(2, result.exit(), name + " → exit " + result.exit() + "\nstdout: " + result.out() + "\nstderr: "
                + result.err());
        assertClear(name, result.err(), hint);
        assertEquals(before, Snapshot.of(server.organisation()), name + ": the organisation changed");
    }

    /** Queries the search language can make nothing of, in part: answered, with a note saying what looks wrong. */
    static Stream<Arguments> malformedQueries() {
        String[][] queries = {{"\"point of sale", "a quote is not closed"}, {"tag:", "tag: needs a value"},
                {"model:", "model: needs a value"}, {"modle:5", "did you mean model:"}, {"model:6", "no such model"},
                {"tag:Kiosk!", "no device can have this tag"}, {"os:windows", "no such"}, {"memory:3gb", "no such"},
                {"tag:\"", "without one it is ignored"}, {"foo:bar", "unknown qualifier"},
                {"kiosk ".repeat(2_000), "only the first"}, {"kiosk\u0000\u0007leeds\u001b[2J", null}};
        List<Arguments> cases = new ArrayList<>();
        for (boolean offline : new boolean[] {false, true}) {
            for (String[] query : queries) {
                cases.add(Arguments.of((offline ? "offline " : "online ") + printable(query[0]).substring(0,
                        Math.min(30, printable(query[0]).length())), query[0], offline, query[1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedQueries")
    void aMalformedQueryIsAnsweredWithANoteSayingWhatLooksWrong(String name, String query, boolean offline, String hint) {
        Snapshot before = Snapshot.of(server.organisation());
        List<String> args = new ArrayList<>(List.of("devices", "list", "--query", query, "--format", "json"));
        if (offline) {
            args.add("--offline");
        }
        Result result = run(files.resolve("home"), args);
        assertEquals(0, result.exit(), name + ": " + result.err());
        assertTrue(result.out().strip().startsWith("["), name + ": still answered: " + result.out());
        if (hint != null) {
            assertTrue(result.err().contains("Note: "), name + ": " + result.err());
            assertClear(name, result.err(), hint);
        } else {
            assertClear(name, result.err(), "");
        }
        assertEquals(before, Snapshot.of(server.organisation()));
    }

    /** Prepares a case's own FLEETDESK_HOME; then checks that what was stored there before is still there. */
    interface Step {
        void run(Path home) throws Exception;
    }

    /**
     * Files and caches that are damaged or in the way: a message says so, and nothing stored is lost (a damaged cache
     * is kept, moved aside or in place; whether the command then goes on with a new cache is the recovery's business).
     */
    static Stream<Arguments> brokenFiles() {
        byte[] garbage = new byte[16_384];
        new java.util.Random(7).nextBytes(garbage);
        Step noCheck = home -> { };
        Step garbageKept = home -> assertTrue(anyFileHolds(home, garbage), "the damaged cache was deleted");
        Step corrupt = home -> {
            Path cache = syncedCache(home);
            deleteCompanions(cache);
            Files.write(cache, garbage);
        };
        Step truncated = home -> {
            Path cache = syncedCache(home);
            deleteCompanions(cache);
            byte[] whole = Files.readAllBytes(cache);
            Files.write(cache, java.util.Arrays.copyOf(whole, whole.length / 3));
        };
        Step foreign = home -> {
            Path cache = syncedCache(home);
            deleteCompanions(cache);
            Files.delete(cache);
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + cache);
                 java.sql.Statement statement = c.createStatement()) {
                statement.execute("CREATE TABLE recipes (name TEXT)");
                statement.execute("INSERT INTO recipes VALUES ('bread')");
            }
        };
        Step foreignKept = home -> assertTrue(anyFileContains(home, "bread"), "the other program's database was lost");
        Step existingKey = home -> Files.createDirectories(home.resolve("keys"));
        Step keyFile = home -> Files.writeString(existingKey(home), "rpoak_precious\n");
        Step keyFileKept = home -> assertEquals("rpoak_precious\n", Files.readString(existingKey(home)));
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("corrupt cache, offline list", corrupt, List.of("devices", "list", "--offline"), "damaged",
                garbageKept));
        cases.add(Arguments.of("corrupt cache, activity", corrupt, List.of("activity"), "damaged", garbageKept));
        cases.add(Arguments.of("truncated cache, offline list", truncated, List.of("devices", "list", "--offline"),
                "damaged", noCheck));
        cases.add(Arguments.of("another program's database, offline list", foreign, List.of("devices", "list", "--offline"),
                "another program|damaged", foreignKept));
        cases.add(Arguments.of("another program's database, activity", foreign, List.of("activity"),
                "another program|damaged", foreignKept));
        cases.add(Arguments.of("key file exists", (Step) home -> {
            existingKey.run(home);
            keyFile.run(home);
        }, List.of("auth-keys", "create", "--names", "pi-{1..3}", "--out-dir", "~/keys"), "pi-1.key", keyFileKept));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenFileIsReportedAndNothingStoredIsLost(String name, Step setup, List<String> args, String hint, Step check)
            throws Exception {
        Path home = files.resolve("homes").resolve(name.replaceAll("[^a-z]+", "-"));
        setup.run(home);
        Snapshot before = Snapshot.of(server.organisation());
        Result result = run(home, args);
        String anyHint = java.util.Arrays.stream(hint.split("\\|"))
                .filter(h -> result.err().toLowerCase(Locale.ROOT).contains(h.toLowerCase(Locale.ROOT))).findFirst()
                .orElse(hint);
        assertClear(name, result.err(), anyHint);
        check.run(home);
        assertEquals(before, Snapshot.of(server.organisation()), name + ": the organisation changed");
    }

    @org.junit.jupiter.api.Test
    void aLockedCacheIsReportedAndKeepsItsSync() throws Exception {
        Path home = files.resolve("homes").resolve("locked");
        Path cache = syncedCache(home);
        try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + cache);
             java.sql.Statement statement = other.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            Result result = run(home, List.of("devices", "sync"));
            assertTrue(result.exit() != 0, result.toString());
            assertClear("locked cache", result.err(), "locked by another program");
            assertClear("locked cache", result.err(), "It still holds the sync of");
            statement.execute("ROLLBACK");
        }
        Result after = run(home, List.of("devices", "list", "--offline", "--format", "json"));
        assertEquals(server.organisation().deviceCount(), after.out().split("\"serial_number\"").length - 1,
                "the cache kept its devices");
    }

    /** Answers that are not the API's JSON: refused with a message, and the cache keeps its last sync. */
    static Stream<Arguments> brokenAnswers() {
        String html = "<html><head><title>Sign in to Example Corp</title></head><body>Please sign in</body></html>";
        List<Arguments> cases = new ArrayList<>();
        for (String resource : List.of("devices", "auth-keys", "identities", "artefacts")) {
            cases.add(Arguments.of(resource + " list, HTML 200", answer(200, "text/html", html), List.of(resource, "list"),
                    "could not be read"));
            cases.add(Arguments.of(resource + " list, HTML 502", answer(502, "text/html",
                    "<html><title>502 Bad Gateway</title></html>"), List.of(resource, "list"), "HTML page"));
            cases.add(Arguments.of(resource + " list, invalid JSON", answer(200, "application/json", "{\"" + resource
                    + "\": [{\"id\": "), List.of(resource, "list"), "could not be read"));
        }
        cases.add(Arguments.of("devices list, another JSON shape", answer(200, "application/json", "{\"items\": []}"),
                List.of("devices", "list"), "\"devices\" list"));
        cases.add(Arguments.of("devices list, empty 200", answer(200, "application/json", ""), List.of("devices", "list"),
                "could not be read"));
        cases.add(Arguments.of("devices list, redirect to a login page", new mockwebserver3.MockResponse.Builder().code(302)
                .setHeader("Location", "https://login.example.com/").build(), List.of("devices", "list"), "redirect"));
        cases.add(Arguments.of("sync, HTML 200", answer(200, "text/html", html), List.of("devices", "sync"),
                "could not be read"));
        cases.add(Arguments.of("sync, invalid JSON", answer(200, "application/json", "[1, 2"), List.of("devices", "sync"),
                "could not be read"));
        cases.add(Arguments.of("auth-keys create, HTML 200", answer(200, "text/html", html), List.of("auth-keys", "create",
                "--description", "d"), "could not be read"));
        cases.add(Arguments.of("artefacts create, invalid JSON", answer(201, "application/json", "{\"id\": "),
                List.of("artefacts", "create", "--name", "n", "--uri", "https://example.com/n.img", "--checksum",
                        "a".repeat(64)), "could not be read"));
        return cases.stream();
    }

    private static mockwebserver3.MockResponse answer(int code, String type, String body) {
        return new mockwebserver3.MockResponse.Builder().code(code).setHeader("Content-Type", type).body(body).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenAnswers")
    void anAnswerThatIsNotTheApisJsonIsReportedAndTheCacheKeepsItsSync(String name, mockwebserver3.MockResponse broken,
            List<String> args, String hint) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean breaking = new java.util.concurrent.atomic.AtomicBoolean();
        try (mockwebserver3.MockWebServer api = new mockwebserver3.MockWebServer()) {
            api.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                    return breaking.get() ? broken : forwardToSimulator(request);
                }
            });
            api.start();
            Path home = files.resolve("homes").resolve(name.replaceAll("[^a-z]+", "-"));
            Result synced = run(home, api.url("/").toString(), List.of("devices", "sync"));
            assertEquals(0, synced.exit(), synced.err());
            breaking.set(true);

            Result result = run(home, api.url("/").toString(), args);
            assertTrue(result.exit() != 0 && result.exit() != 1, name + ": " + result);
            assertClear(name, result.err(), hint);
            assertTrue(!result.err().contains("<body>"), name + ": the page is described, not dumped: " + result.err());

            Result cached = run(home, api.url("/").toString(), List.of("devices", "list", "--offline", "--format", "json"));
            assertEquals(server.organisation().deviceCount(), cached.out().split("\"serial_number\"").length - 1,
                    name + ": the cache lost its devices");
        }
    }

    private static mockwebserver3.MockResponse forwardToSimulator(mockwebserver3.RecordedRequest request) {
        try {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + request.getTarget()))
                            .header("Authorization", "Bearer " + server.token()).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return answer(answer.statusCode(), "application/json", answer.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path syncedCache(Path home) {
        Result sync = run(home, List.of("devices", "sync"));
        assertEquals(0, sync.exit(), sync.err());
        return cacheIn(home);
    }

    private static Path cacheIn(Path home) {
        try (Stream<Path> found = Files.walk(home)) {
            return found.filter(p -> p.getFileName().toString().equals("cache.sqlite")).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path existingKey(Path home) {
        return home.resolve("keys").resolve("pi-1.key");
    }

    private static void deleteCompanions(Path cache) throws java.io.IOException {
        Files.deleteIfExists(cache.resolveSibling(cache.getFileName() + "-wal"));
        Files.deleteIfExists(cache.resolveSibling(cache.getFileName() + "-shm"));
    }

    private static boolean anyFileContains(Path home, String text) throws java.io.IOException {
        try (Stream<Path> found = Files.walk(home)) {
            for (Path file : found.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyFileHolds(Path home, byte[] content) throws java.io.IOException {
        try (Stream<Path> found = Files.walk(home)) {
            for (Path file : found.filter(Files::isRegularFile).toList()) {
                if (java.util.Arrays.equals(Files.readAllBytes(file), content)) {
                    return true;
                }
            }
        }
        return false;
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(Path home, List<String> args) {
        return run(home, server.baseUrl(), args);
    }

    /** Runs the CLI with {@code FLEETDESK_HOME=home}; {@code @x} names a file of the corpus, {@code ~/x} one in home. */
    static Result run(Path home, String apiUrl, List<String> args) {
        List<String> resolved = args.stream().map(arg -> arg.equals("@device") ? firstDevice
                : arg.startsWith("@") ? files.resolve(arg.substring(1)).toString()
                : arg.startsWith("~/") ? home.resolve(arg.substring(2)).toString() : arg).toList();
        Map<String, String> variables = new HashMap<>();
        variables.put("FLEETDESK_API_URL", apiUrl);
        variables.put("FLEETDESK_TOKEN", server.token());
        variables.put("FLEETDESK_HOME", home.toString());
        CliEnvironment environment = new CliEnvironment(variables, new ByteArrayInputStream(new byte[0]),
                RetryPolicy.builder().maxAttempts(1).baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(1)).build());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = FleetdeskCommand.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(resolved.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    static void assertClear(String name, String message, String hint) {
        assertTrue(message.toLowerCase(Locale.ROOT).contains(hint.toLowerCase(Locale.ROOT)),
                name + ": the message should mention \"" + hint + "\": " + message);
        assertTrue(message.length() < 6_000, name + ": the message should be short, not a stack trace: " + message);
        assertTrue(!message.contains("Exception") && !message.contains("\tat "), name + ": no stack trace: " + message);
        assertTrue(!message.contains(server.token()), "the token leaked");
    }
}
