package org.fleetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.NewAuthKey;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.api.TestKeys;
import org.fleetdesk.query.FacetCounts;
import org.fleetdesk.rollout.RolloutJournal;
import org.fleetdesk.rollout.Rollouts;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.secrets.TokenStoreKind;
import org.fleetdesk.secrets.TokenStores;
import org.fleetdesk.sim.Organisation;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.ui.artefacts.NewArtefactViewModel;
import org.fleetdesk.ui.authkeys.AuthKeysViewModel;
import org.fleetdesk.ui.authkeys.BulkKeysViewModel;
import org.fleetdesk.ui.authkeys.CreateKeyForm;
import org.fleetdesk.ui.authkeys.SecretsViewModel;
import org.fleetdesk.ui.common.ConnectionState;
import org.fleetdesk.ui.common.SameThreadTaskExecutor;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.devices.QueryBarViewModel;
import org.fleetdesk.ui.identities.BulkIdentitiesViewModel;
import org.fleetdesk.ui.identities.IdentitiesViewModel;
import org.fleetdesk.ui.identities.RegisterIdentityForm;
import org.fleetdesk.ui.rollouts.PlanForm;
import org.fleetdesk.ui.rollouts.RolloutWizardViewModel;
import org.fleetdesk.ui.welcome.WelcomeViewModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input through the view-models, without a window (same-thread executor), against the simulator: each case shows
 * a message that says what is wrong (and the action stays disabled or fails with it), no change request is sent, the
 * organisation is unchanged, and nothing in the cache or in files already written is lost.
 */
class BadInputViewModelCorpusTest {
    @TempDir
    static Path files;
    private static SimServer sim;
    private static Session session;
    private static final AtomicInteger changesSent = new AtomicInteger();
    private static AuthKeysViewModel authKeys;
    private static IdentitiesViewModel identities;
    private static List<AuthKey> createdKeys;
    private static String devicePem;

    /** One bad input: does what a person would do and returns the message the screen shows. */
    @FunctionalInterface
    interface Case {
        String run() throws Exception;
    }

    @BeforeAll
    static void start() throws Exception {
        sim = SimServer.start(SimConfig.builder().devices(30).seed(5).build());
        RequestLimiter limiter = RequestLimiter.create(200, 8);
        ConnectClient client = ConnectClient.builder().baseUrl(sim.baseUrl()).token(sim.token()).limiter(limiter)
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).baseDelay(Duration.ofMillis(1))
                        .maxDelay(Duration.ofMillis(5)).build())
                .changeObserver((method, path, body, status, answer, failure) -> changesSent.incrementAndGet())
                .build();
        session = new Session("corpus", false, client, limiter, FleetStore.open(files.resolve("cache.sqlite")),
                new SameThreadTaskExecutor(), () -> { });
        session.sync().syncAll((resource, done, total) -> { }, () -> false);
        session.setConnection(ConnectionState.ONLINE, "");
        authKeys = new AuthKeysViewModel(session);
        identities = new IdentitiesViewModel(session);
        BulkKeysViewModel bulk = authKeys.newBulk();
        bulk.namesProperty().set("pi-{1..3}");
        bulk.start();
        createdKeys = bulk.takeCreated();
        assertEquals(3, createdKeys.size());

        KeyPair device = TestKeys.ec("secp256r1");
        devicePem = TestKeys.pem(device.getPublic());
        write("device.pem", devicePem);
        write("device-private.pem", TestKeys.pkcs8(device));
        write("p384.pem", TestKeys.pem(TestKeys.ec("secp384r1").getPublic()));
        write("p384-private.pem", TestKeys.pkcs8(TestKeys.ec("secp384r1")));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        write("rsa.pem", TestKeys.pem(rsa.generateKeyPair().getPublic()));
        write("private-as-public.pem", TestKeys.pkcs8(device));
        write("truncated.pem", devicePem.substring(0, devicePem.length() / 2));
        write("garbage.pem", "this is not a key\n");
        write("plain.txt", "a file, not a folder\n");
        write("p384-row.csv", "public_key_file,description\np384.pem,lobby\n");
        write("missing-row.csv", "public_key_file,description\nnope.pem,lobby\n");
        Files.createDirectories(files.resolve("broken-keys"));
        write("broken-keys/lobby.pem", devicePem);
        write("broken-keys/garbage.pem", "this is not a key\n");
        Files.createDirectories(files.resolve("good-keys"));
        write("good-keys/lobby.pem", devicePem);
        Files.createDirectories(files.resolve("a-folder"));
        Files.write(files.resolve("huge.txt"), new byte[5 * 1024 * 1024]);
        Files.createDirectories(files.resolve("saved-keys"));
        write("saved-keys/pi-1.key", "rpoak_saved_before\n");
        write("secrets.csv", "name,secret\nold,rpoak_saved_before\n");
    }

    @AfterAll
    static void stop() {
        session.close();
        sim.stop();
    }

    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        authKeyCases(cases);
        bulkKeyCases(cases);
        identityCases(cases);
        artefactCases(cases);
        planCases(cases);
        queryCases(cases);
        secretsCases(cases);
        return cases.stream();
    }

    private static void authKeyCases(List<Arguments> cases) {
        for (String tag : new String[] {"Kiosk", "two words", "a".repeat(31), "", "ümlaut", "tag!", "tag/slash", "\u0007bell"}) {
            cases.add(Arguments.of("new key, tag " + printable(tag), "tag", (Case) () -> keyForm("d", 1, List.of(tag))));
        }
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("t" + i);
        }
        cases.add(Arguments.of("new key, eleven tags", "up to 10 tags", (Case) () -> keyForm("d", 1, eleven)));
        for (int ttl : new int[] {0, 91, -1, Integer.MAX_VALUE}) {
            cases.add(Arguments.of("new key, ttl " + ttl, "between 1 and 90 days", (Case) () -> keyForm("d", ttl, List.of())));
        }
        for (String description : new String[] {"", "   ", "\t"}) {
            cases.add(Arguments.of("new key, blank description " + printable(description), "can't be blank",
                    (Case) () -> keyForm(description, 1, List.of())));
        }
    }

    private static String keyForm(String description, int ttl, List<String> tags) {
        CreateKeyForm form = authKeys.newForm();
        form.descriptionProperty().set(description);
        form.ttlDaysProperty().set(ttl);
        form.tags().setAll(tags);
        NewAuthKey request = form.request();
        assertNull(request, "the form makes no request to send");
        return form.problemProperty().get();
    }

    private static void bulkKeyCases(List<Arguments> cases) {
        String[][] patterns = {{"pi5-{3..1}", "counts down"}, {"pi5-{1..100000}", "1"}, {"pi5-{a..c}", "{"},
                {"pi5-{1..3", "{"}};
        for (String[] pattern : patterns) {
            cases.add(Arguments.of("bulk keys, pattern " + pattern[0], pattern[1], (Case) () -> bulk(
                    BulkKeysViewModel.Source.PATTERN, pattern[0], List.of())));
        }
        String[][] lists = {{"pi-a\npi-a\n", "pi-a"}, {"pi-a,Kiosk\n", "Kiosk"}, {"pi-a,kiosk;tag!\n", "tag!"},
                {"name\u0000x\n", "name"}};
        for (String[] list : lists) {
            cases.add(Arguments.of("bulk keys, list " + printable(list[0]), list[1], (Case) () -> bulk(
                    BulkKeysViewModel.Source.LIST, list[0], List.of())));
        }
        cases.add(Arguments.of("bulk keys, bad tag", "tag", (Case) () -> bulk(BulkKeysViewModel.Source.PATTERN,
                "pi-{1..3}", List.of("Production"))));
        cases.add(Arguments.of("bulk keys, names file missing", "names.txt", (Case) () -> bulkFile(files.resolve("names.txt"))));
        cases.add(Arguments.of("bulk keys, names file is a folder", "a-folder", (Case) () -> bulkFile(files.resolve("a-folder"))));
        cases.add(Arguments.of("bulk keys, names file of 5 MB", "larger than 4 MB", (Case) () -> bulkFile(files.resolve("huge.txt"))));
    }

    private static String bulk(BulkKeysViewModel.Source source, String names, List<String> tags) {
        BulkKeysViewModel bulk = authKeys.newBulk();
        bulk.sourceProperty().set(source);
        bulk.tags().setAll(tags);
        bulk.namesProperty().set(names);
        assertFalse(bulk.canStart(), "start is disabled");
        bulk.start();
        assertTrue(bulk.batch().outcomes().isEmpty());
        return bulk.problemProperty().get();
    }

    private static String bulkFile(Path file) {
        BulkKeysViewModel bulk = authKeys.newBulk();
        bulk.loadFile(file);
        assertFalse(bulk.canStart(), "start is disabled");
        return bulk.problemProperty().get();
    }

    private static void identityCases(List<Arguments> cases) {
        for (String key : new String[] {"p384.pem", "rsa.pem", "private-as-public.pem", "truncated.pem", "garbage.pem"}) {
            cases.add(Arguments.of("identity, public key " + key, "public key", (Case) () -> identity(read(key), "d", List.of(),
                    RegisterIdentityForm.Signing.LOCAL_KEY, null, "device-private.pem")));
        }
        cases.add(Arguments.of("identity, blank description", "description", (Case) () -> identity(devicePem, "  ",
                List.of(), RegisterIdentityForm.Signing.LOCAL_KEY, null, "device-private.pem")));
        for (String tag : new String[] {"Kiosk", "a".repeat(31), "tag!"}) {
            cases.add(Arguments.of("identity, tag " + tag, "tag", (Case) () -> identity(devicePem, "d", List.of(tag),
                    RegisterIdentityForm.Signing.LOCAL_KEY, null, "device-private.pem")));
        }
        for (String signature : new String[] {"abc", "!!!notbase64!!!", Base64.getEncoder().encodeToString(new byte[10]),
                Base64.getEncoder().encodeToString(new byte[72]), ""}) {
            cases.add(Arguments.of("identity, signature " + printable(signature), "signature", (Case) () -> identity(
                    devicePem, "d", List.of(), RegisterIdentityForm.Signing.ON_DEVICE, signature, null)));
        }
        for (String key : new String[] {"p384-private.pem", "device.pem", "garbage.pem", "missing.pem"}) {
            cases.add(Arguments.of("identity, private key " + key, key.equals("missing.pem") ? key : "private key", (Case) () -> identity(devicePem, "d", List.of(),
                    RegisterIdentityForm.Signing.LOCAL_KEY, null, key)));
        }
        cases.add(Arguments.of("bulk identities, CSV missing", "identities.csv", (Case) () ->
                bulkIdentities("identities.csv", List.of(), "a-folder")));
        cases.add(Arguments.of("bulk identities, CSV naming a P-384 key", "secp384r1", (Case) () ->
                bulkIdentities("p384-row.csv", List.of(), "a-folder")));
        cases.add(Arguments.of("bulk identities, CSV naming a missing key file", "nope.pem", (Case) () ->
                bulkIdentities("missing-row.csv", List.of(), "a-folder")));
        cases.add(Arguments.of("bulk identities, folder with a broken key", "garbage", (Case) () ->
                bulkIdentities("broken-keys", List.of(), "a-folder")));
        cases.add(Arguments.of("bulk identities, bad tag", "tag", (Case) () ->
                bulkIdentities("good-keys", List.of("Kiosk"), "a-folder")));
        cases.add(Arguments.of("bulk identities, no private keys chosen", "private keys", (Case) () ->
                bulkIdentities("good-keys", List.of(), null)));
        cases.add(Arguments.of("identity, public key file missing", "missing.pem", (Case) () -> publicKeyFile("missing.pem")));
        cases.add(Arguments.of("identity, public key file of 5 MB", "larger than a PEM key", (Case) () -> publicKeyFile("huge.txt")));
    }

    /** Fills the form, signs on the device or with {@code privateKeyFile}, and presses Register. */
    private static String identity(String publicKey, String description, List<String> tags,
                                   RegisterIdentityForm.Signing signing, String signature, String privateKeyFile) {
        RegisterIdentityForm form = identities.newRegistration();
        form.publicKeyProperty().set(publicKey);
        form.descriptionProperty().set(description);
        form.tags().setAll(tags);
        form.signingProperty().set(signing);
        if (signature != null) {
            form.signatureProperty().set(signature);
        }
        if (privateKeyFile != null) {
            form.loadPrivateKey(files.resolve(privateKeyFile));
            if (!form.privateKeyLoadedProperty().get()) {
                return form.problemProperty().get();
            }
        }
        AtomicReference<String> failed = new AtomicReference<>();
        form.register(identity -> { throw new AssertionError("registered " + identity); }, failed::set);
        assertTrue(failed.get() != null, "the registration failed with a message");
        return failed.get();
    }

    /** Chooses the source (and the private keys folder), then presses Register. */
    private static String bulkIdentities(String source, List<String> tags, String privateKeys) {
        BulkIdentitiesViewModel bulk = identities.newBulk();
        bulk.tags().setAll(tags);
        bulk.signingSourceProperty().set(privateKeys == null ? null : files.resolve(privateKeys));
        bulk.sourceProperty().set(files.resolve(source));
        bulk.start();
        assertFalse(bulk.batch().runningProperty().get());
        if (!bulk.problemProperty().get().isEmpty()) {
            assertTrue(bulk.batch().outcomes().isEmpty(), "nothing was registered");
            return bulk.problemProperty().get();
        }
        // Keys are checked as their rows come up: every row fails with its reason, shown beside its name.
        assertTrue(bulk.batch().outcomes().stream().noneMatch(org.fleetdesk.provision.Outcome::succeeded), "nothing was registered");
        return String.join("\n", bulk.batch().outcomes().stream().map(o -> o.name() + ": " + o.message()).toList());
    }

    private static String publicKeyFile(String name) {
        RegisterIdentityForm form = identities.newRegistration();
        form.loadPublicKey(files.resolve(name));
        assertEquals("", form.digestProperty().get());
        return form.problemProperty().get();
    }

    private static void artefactCases(List<Arguments> cases) {
        String uri = "https://example.com/image.img";
        String sum = "a".repeat(64);
        for (String checksum : new String[] {"abc", "a".repeat(63), "a".repeat(65), "g".repeat(64), " " + "a".repeat(63),
                "0x" + "a".repeat(62), "a".repeat(32) + "\u0000" + "a".repeat(31)}) {
            cases.add(Arguments.of("artefact, checksum " + printable(checksum), "checksum", (Case) () ->
                    artefact("n", uri, checksum, NewArtefactViewModel::checksumErrorProperty)));
        }
        for (String bad : new String[] {"http://example.com/image.img", "ftp://example.com/image.img", "not a uri",
                "https://", "javascript:alert(1)", "file:///etc/passwd", "https://exa mple.com/x"}) {
            cases.add(Arguments.of("artefact, uri " + printable(bad), "URI", (Case) () ->
                    artefact("n", bad, sum, NewArtefactViewModel::uriErrorProperty)));
        }
        for (String name : new String[] {"  ", "\t"}) {
            cases.add(Arguments.of("artefact, blank name " + printable(name), "blank", (Case) () ->
                    artefact(name, uri, sum, NewArtefactViewModel::nameErrorProperty)));
        }
        cases.add(Arguments.of("artefact, checksum of a missing file", "image.img", (Case) () -> checksumOf("image.img")));
        cases.add(Arguments.of("artefact, checksum of a folder", "a-folder", (Case) () -> checksumOf("a-folder")));
    }

    /** Types the fields; Create stays disabled with the field's message, and pressing it anyway sends nothing. */
    private static String artefact(String name, String uri, String checksum,
                                   java.util.function.Function<NewArtefactViewModel, javafx.beans.property.StringProperty> field) {
        NewArtefactViewModel model = new NewArtefactViewModel(session);
        model.nameProperty().set("x");
        model.nameProperty().set(name);
        model.uriProperty().set(uri);
        model.checksumProperty().set(checksum);
        assertFalse(model.canCreateProperty().get(), "Create is disabled");
        model.create(made -> { throw new AssertionError("created " + made); });
        assertFalse(model.errorProperty().get().isEmpty(), "the client refuses it too");
        return field.apply(model).get();
    }

    private static String checksumOf(String name) {
        NewArtefactViewModel model = new NewArtefactViewModel(session);
        model.computeChecksum(files.resolve(name));
        assertEquals("", model.checksumProperty().get());
        assertFalse(model.busyProperty().get());
        return model.errorProperty().get();
    }

    private static void planCases(List<Arguments> cases) {
        cases.add(Arguments.of("plan, canary -1", "canary", (Case) () -> plan(form -> form.canaryProperty().set(-1))));
        for (String waves : new String[] {"10,abc", "50,25", "10,50", "", "0,100", "10,,x"}) {
            cases.add(Arguments.of("plan, waves " + printable(waves), "wave", (Case) () -> plan(form -> {
                form.waveModeProperty().set(PlanForm.WaveMode.BY_PERCENTAGES);
                form.wavePercentagesProperty().set(waves);
            })));
        }
        for (int size : new int[] {0, 101}) {
            cases.add(Arguments.of("plan, wave size " + size, "wave size", (Case) () -> plan(form -> {
                form.waveModeProperty().set(PlanForm.WaveMode.BY_SIZE);
                form.waveSizeProperty().set(size);
            })));
        }
        for (double pct : new double[] {-1, 101, Double.NaN}) {
            cases.add(Arguments.of("plan, failure threshold " + pct, "threshold", (Case) () ->
                    plan(form -> form.maxFailurePctProperty().set(pct))));
        }
        for (String min : new String[] {"abc", "0", "1.5"}) {
            cases.add(Arguments.of("plan, min finished " + min, min, (Case) () -> plan(form -> form.minFinishedProperty().set(min))));
        }
        cases.add(Arguments.of("plan, concurrency 0", "Concurrency", (Case) () -> plan(form -> form.concurrencyProperty().set(0))));
        cases.add(Arguments.of("plan, timeout 0", "timeout", (Case) () -> plan(form -> form.timeoutMinutesProperty().set(0))));
        for (String query : new String[] {"tag:", "modle:5", "tag:Kiosk!", "\"kiosk"}) {
            cases.add(Arguments.of("rollout targets, query " + query, query.startsWith("\"") ? "quote" : query.substring(0, 3),
                    (Case) () -> targets(query)));
        }
    }

    /** The wizard on its plan step: Next stays disabled while the fields make no plan, and Start is never reached. */
    private static String plan(java.util.function.Consumer<PlanForm> edit) {
        RolloutWizardViewModel wizard = wizard();
        wizard.stepProperty().set(RolloutWizardViewModel.Step.PLAN);
        edit.accept(wizard.plan());
        assertNull(wizard.plan().planProperty().get());
        assertFalse(wizard.canNextProperty().get(), "Next is disabled");
        wizard.start(run -> { throw new AssertionError("started " + run); });
        return wizard.plan().errorProperty().get();
    }

    private static String targets(String query) {
        RolloutWizardViewModel wizard = wizard();
        wizard.artefactProperty().set(null);
        wizard.stepProperty().set(RolloutWizardViewModel.Step.TARGETS);
        wizard.targets().queryProperty().set(query);
        wizard.start(run -> { throw new AssertionError("started " + run); });
        return wizard.targets().warningProperty().get();
    }

    private static RolloutWizardViewModel wizard() {
        return new RolloutWizardViewModel(session, new Rollouts(session.client(), new RolloutJournal(session.store()),
                session.limiter()), List.of());
    }

    private static void queryCases(List<Arguments> cases) {
        String[][] queries = {{"\"point of sale", "a quote is not closed"}, {"tag:", "tag: needs a value"},
                {"model:", "model: needs a value"}, {"modle:5", "did you mean model:"}, {"model:6", "no such model"},
                {"tag:Kiosk!", "no device can have this tag"}, {"os:windows", "no such"}, {"memory:3gb", "no such"},
                {"foo:bar", "unknown qualifier"}, {"kiosk ".repeat(2_000), "only the first"},
                {"tag:kiosk\u0000 \u0007modle:5\u001b", "did you mean model:"}};
        for (String[] query : queries) {
            String shown = printable(query[0]);
            cases.add(Arguments.of("query bar, typed " + shown.substring(0, Math.min(30, shown.length())), query[1],
                    (Case) () -> {
                        QueryBarViewModel bar = new QueryBarViewModel(() -> FacetCounts.NONE);
                        bar.textProperty().set(query[0]);
                        bar.suggestions(query[0].length());
                        bar.commit();
                        return bar.warningsProperty().get();
                    }));
            cases.add(Arguments.of("query bar, pasted " + shown.substring(0, Math.min(30, shown.length())), query[1],
                    (Case) () -> {
                        QueryBarViewModel bar = new QueryBarViewModel(() -> FacetCounts.NONE);
                        bar.paste(query[0], 0, 0);
                        return bar.warningsProperty().get();
                    }));
        }
    }

    private static void secretsCases(List<Arguments> cases) {
        cases.add(Arguments.of("key files, folder inside a file", "plain.txt", (Case) () ->
                saveKeys(files.resolve("plain.txt").resolve("keys"))));
        cases.add(Arguments.of("key files, folder is a file", "plain.txt", (Case) () -> saveKeys(files.resolve("plain.txt"))));
        cases.add(Arguments.of("key files, a file exists", "already exist", (Case) () -> saveKeys(files.resolve("saved-keys"))));
        cases.add(Arguments.of("secrets CSV, file exists", "secrets.csv", (Case) () -> {
            SecretsViewModel secrets = authKeys.secrets(createdKeys);
            secrets.saveCsv(files.resolve("secrets.csv"));
            return afterFailedSave(secrets);
        }));
        cases.add(Arguments.of("secrets CSV, inside a file", "plain.txt", (Case) () -> {
            SecretsViewModel secrets = authKeys.secrets(createdKeys);
            secrets.saveCsv(files.resolve("plain.txt").resolve("secrets.csv"));
            return afterFailedSave(secrets);
        }));
    }

    private static String saveKeys(Path folder) throws Exception {
        SecretsViewModel secrets = authKeys.secrets(createdKeys);
        secrets.saveKeyFiles(folder, false);
        return afterFailedSave(secrets);
    }

    /** Not saved: the secrets are still held (they cannot be fetched again), and what was on disk is unchanged. */
    private static String afterFailedSave(SecretsViewModel secrets) throws Exception {
        assertFalse(secrets.savedProperty().get());
        assertEquals(createdKeys.size(), secrets.keys().size(), "the secrets are still there to save elsewhere");
        assertEquals("rpoak_saved_before\n", Files.readString(files.resolve("saved-keys/pi-1.key")));
        assertEquals("name,secret\nold,rpoak_saved_before\n", Files.readString(files.resolve("secrets.csv")));
        assertEquals("a file, not a folder\n", Files.readString(files.resolve("plain.txt")));
        return secrets.statusProperty().get();
    }

    private record Snapshot(int devices, int authKeys, int identities, int artefacts, int deployments, int cachedDevices,
                            int cachedKeys, int cachedIdentities, int cachedArtefacts) {
        static Snapshot take() {
            Organisation organisation = sim.organisation();
            return new Snapshot(organisation.deviceCount(), organisation.authKeys().size(),
                    organisation.identities().size(), organisation.artefacts().size(), organisation.deployments().size(),
                    session.store().count(org.fleetdesk.query.DeviceQuery.EMPTY), session.store().authKeys().all().size(),
                    session.store().deviceIdentities().all().size(), session.store().artefacts().all().size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isExplainedAndNothingIsSentOrLost(String name, String hint, Case bad) throws Exception {
        Snapshot before = Snapshot.take();
        int sent = changesSent.get();

        String message = bad.run();

        assertClear(name, message, hint);
        assertEquals(sent, changesSent.get(), name + ": a change request was sent");
        assertEquals(before, Snapshot.take(), name + ": the organisation or the cache changed");
    }

    /** The welcome screen against a stand-in API: nothing is stored, and nothing is sent before the input is valid. */
    static Stream<Arguments> welcome() {
        String html = "<html><head><title>Sign in to Example Corp</title></head><body>Please sign in</body></html>";
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("welcome, blank token", "acme", "", null, null, 0, "rporg_"));
        cases.add(Arguments.of("welcome, token with a line break", "acme", "rporg_abc\nX-Evil: 1", null, null, 0,
                "copy it again"));
        cases.add(Arguments.of("welcome, token with spaces", "acme", "Bearer rporg_abc", null, null, 0, "copy it again"));
        for (String url : new String[] {"http://api.example.com", "ftp://api.example.com", "not a url", "  "}) {
            cases.add(Arguments.of("welcome, API URL " + url, "acme", "rporg_abc", url, null, 0, "https://"));
        }
        for (String profile : new String[] {"", "  ", "../evil", "two words", "con", "a".repeat(41)}) {
            cases.add(Arguments.of("welcome, profile name " + printable(profile), profile, "rporg_abc", null, null, 0,
                    "profile name"));
        }
        cases.add(Arguments.of("welcome, HTML page", "acme", "rporg_abc", null, answer(200, "text/html", html), 1,
                "could not be read"));
        cases.add(Arguments.of("welcome, HTML error page", "acme", "rporg_abc", null, answer(502, "text/html",
                "<html><title>502 Bad Gateway</title></html>"), 1, "HTML page"));
        cases.add(Arguments.of("welcome, invalid JSON", "acme", "rporg_abc", null, answer(200, "application/json",
                "{\"devices\": [{"), 1, "could not be read"));
        cases.add(Arguments.of("welcome, redirect", "acme", "rporg_abc", null, new MockResponse.Builder().code(301)
                .setHeader("Location", "https://login.example.com/").build(), 1, "redirect"));
        return cases.stream();
    }

    private static MockResponse answer(int code, String type, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", type).body(body).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("welcome")
    void theWelcomeScreenExplainsAndStoresNothing(String name, String profile, String token, String url, MockResponse answer,
                                                  int requests, String hint) throws Exception {
        Path home = Files.createTempDirectory(files, "welcome");
        try (MockWebServer api = new MockWebServer()) {
            if (answer != null) {
                api.enqueue(answer);
            }
            api.start();
            ProfileStore profiles = new ProfileStore(home, new TokenStores(home, (p, purpose) -> "pass phrase".toCharArray()));
            WelcomeViewModel model = new WelcomeViewModel(profiles, new SameThreadTaskExecutor());
            model.nameProperty().set(profile);
            model.apiUrlProperty().set(url != null ? url : api.url("/").toString());
            model.tokenProperty().set(token);
            model.tokenStoreProperty().set(TokenStoreKind.FILE);
            List<Object> connected = new ArrayList<>();

            model.connect(connected::add);

            assertTrue(model.failedProperty().get(), name);
            assertFalse(model.busyProperty().get());
            assertClear(name, model.messageProperty().get(), hint);
            assertTrue(connected.isEmpty());
            assertEquals(requests, api.getRequestCount(), name + ": requests sent");
            assertTrue(profiles.list().isEmpty(), name + ": a profile was saved");
            try (Stream<Path> stored = Files.walk(home)) {
                assertEquals(List.of(), stored.filter(Files::isRegularFile).toList(), name + ": something was stored");
            }
        }
    }

    /** Screens refreshing from an API that answers with something else: the cache keeps what it had. */
    static Stream<Arguments> brokenAnswers() {
        String html = "<html><head><title>Proxy login</title></head><body>Please sign in</body></html>";
        List<Arguments> cases = new ArrayList<>();
        for (String screen : new String[] {"auth keys", "identities", "sync"}) {
            cases.add(Arguments.of(screen + ", HTML page", screen, answer(200, "text/html", html), "could not be read"));
            cases.add(Arguments.of(screen + ", invalid JSON", screen, answer(200, "application/json", "{\"x\": ["),
                    "could not be read"));
            cases.add(Arguments.of(screen + ", HTML error page", screen, answer(503, "text/html",
                    "<html><title>Service Unavailable</title></html>"), "HTML page"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenAnswers")
    void aRefreshFromAnAnswerThatIsNotTheApisKeepsTheCache(String name, String screen, MockResponse answer, String hint)
            throws Exception {
        try (MockWebServer api = new MockWebServer()) {
            api.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                    return answer;
                }
            });
            api.start();
            RequestLimiter limiter = RequestLimiter.create(200, 4);
            ConnectClient client = ConnectClient.builder().baseUrl(api.url("/").toString()).token("rporg_broken")
                    .limiter(limiter).retryPolicy(RetryPolicy.none()).build();
            Path cache = Files.createTempDirectory(files, "broken").resolve("cache.sqlite");
            try (FleetStore store = FleetStore.open(cache)) {
                store.replaceDevices(sim.organisation().devices());
                store.authKeys().replaceAll(sim.organisation().authKeys().stream().map(AuthKey::withoutSecret).toList());
                store.deviceIdentities().replaceAll(sim.organisation().identities());
            }
            Session broken = new Session("broken", false, client, limiter, FleetStore.open(cache),
                    new SameThreadTaskExecutor(), () -> { });
            try {
                broken.setConnection(ConnectionState.ONLINE, "");
                int devices = broken.store().count(org.fleetdesk.query.DeviceQuery.EMPTY);
                int keys = broken.store().authKeys().all().size();
                String message = switch (screen) {
                    case "auth keys" -> {
                        AuthKeysViewModel model = new AuthKeysViewModel(broken);
                        model.refresh();
                        yield model.statusProperty().get();
                    }
                    case "identities" -> {
                        IdentitiesViewModel model = new IdentitiesViewModel(broken);
                        model.refresh();
                        yield model.statusProperty().get();
                    }
                    default -> {
                        try {
                            broken.sync().syncAll((resource, done, total) -> { }, () -> false);
                            yield "";
                        } catch (RuntimeException e) {
                            yield org.fleetdesk.ui.common.ErrorMessages.describe(e);
                        }
                    }
                };
                assertClear(name, message, hint);
                assertEquals(devices, broken.store().count(org.fleetdesk.query.DeviceQuery.EMPTY), "devices kept");
                assertEquals(keys, broken.store().authKeys().all().size(), "auth keys kept");
                assertEquals(sim.organisation().identities().size(), broken.store().deviceIdentities().all().size());
            } finally {
                broken.close();
            }
        }
    }

    private static void assertClear(String name, String message, String hint) {
        assertTrue(message != null && !message.isBlank(), name + ": no message shown");
        assertTrue(message.toLowerCase(Locale.ROOT).contains(hint.toLowerCase(Locale.ROOT)),
                name + ": the message should mention \"" + hint + "\": " + message);
        assertTrue(message.length() < 2_000, name + ": too long for a screen: " + message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), name + ": no stack trace: " + message);
        assertFalse(message.contains(sim.token()), name + ": the token leaked");
        for (AuthKey key : createdKeys) {
            assertFalse(message.contains(key.secret()), name + ": a secret leaked");
        }
    }



    private static void write(String name, String text) throws Exception {
        Files.writeString(files.resolve(name), text);
    }

    private static String read(String name) throws Exception {
        return Files.readString(files.resolve(name));
    }

    private static String printable(String text) {
        return text.isEmpty() ? "(empty)" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
