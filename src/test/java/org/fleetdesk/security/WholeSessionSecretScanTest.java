package org.fleetdesk.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.fleetdesk.AppPaths;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.cli.CliEnvironment;
import org.fleetdesk.cli.FleetdeskCommand;
import org.fleetdesk.export.DeviceColumn;
import org.fleetdesk.export.ExportFormat;
import org.fleetdesk.logging.Logging;
import org.fleetdesk.logging.LoggingConfigurator;
import org.fleetdesk.rollout.RolloutRun;
import org.fleetdesk.secrets.Connections;
import org.fleetdesk.secrets.Profile;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.secrets.TokenScan;
import org.fleetdesk.secrets.TokenStoreKind;
import org.fleetdesk.secrets.TokenStores;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.ui.activity.ActivityViewModel;
import org.fleetdesk.ui.artefacts.NewArtefactViewModel;
import org.fleetdesk.ui.authkeys.AuthKeysViewModel;
import org.fleetdesk.ui.authkeys.BulkKeysViewModel;
import org.fleetdesk.ui.authkeys.CreateKeyForm;
import org.fleetdesk.ui.authkeys.SecretsViewModel;
import org.fleetdesk.ui.common.ConnectionState;
import org.fleetdesk.ui.common.SameThreadTaskExecutor;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.devices.DevicesViewModel;
import org.fleetdesk.ui.identities.IdentitiesViewModel;
import org.fleetdesk.ui.identities.RegisterIdentityForm;
import org.fleetdesk.ui.rollouts.RolloutWizardViewModel;
import org.fleetdesk.ui.rollouts.RolloutsViewModel;
import org.fleetdesk.ui.shell.SessionFactory;
import org.fleetdesk.ui.welcome.WelcomeViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A whole working session, once through the view-models and once through the CLI, against the simulator: connect,
 * sync, create auth keys (one, and in bulk), register an identity, create an artefact and roll it out, export the
 * devices (CSV and JSON) and the activity (CSV). Logging is configured as the application configures it, with the
 * HTTP log at its most talkative. Then the whole FLEETDESK_HOME (profiles, cache and its WAL, logs), the files the
 * user asked for and everything printed are searched: the token is nowhere, and each auth-key secret is only in the
 * key files (and the one secrets CSV) the user asked for.
 */
class WholeSessionSecretScanTest {
    private static final String PASSPHRASE = "a long enough passphrase";

    @TempDir
    Path home;
    @TempDir
    Path chosen;

    private SimServer sim;
    private String previousHome;
    private PrintStream previousOut;
    private PrintStream previousErr;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final List<String> printed = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sim = SimServer.start(SimConfig.builder().devices(40).seed(9).speed(50).offlinePct(0).build());
        previousHome = System.getProperty(AppPaths.HOME_VARIABLE);
        previousOut = System.out;
        previousErr = System.err;
        System.setProperty(AppPaths.HOME_VARIABLE, home.toString());
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        context.reset();
        LoggingConfigurator.configure(context, AppPaths.logs());
        context.getLogger("org.fleetdesk").setLevel(Level.TRACE);
    }

    @AfterEach
    void stop() throws Exception {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        context.reset();
        System.setOut(previousOut);
        System.setErr(previousErr);
        if (previousHome == null) {
            System.clearProperty(AppPaths.HOME_VARIABLE);
        } else {
            System.setProperty(AppPaths.HOME_VARIABLE, previousHome);
        }
        new ContextInitializer(context).autoConfig();
        sim.stop();
    }

    @Test
    void theTokenIsNowhereAndEachSecretOnlyInTheFilesAskedFor() throws Exception {
        Session session = guiSession();
        guiWork(session, devicePem("gui-device", true), devicePem("gui-device", false));
        scan("after the desktop session, with its cache open", true);
        session.close();

        cliWork(devicePem("cli-device", true), devicePem("cli-device", false));
        scan("after the command-line session", false);

        assertTrue(Files.size(home.resolve("logs").resolve(Logging.FILE_NAME)) > 10_000, "the log was written to");
        assertEquals(9, sim.organisation().authKeys().size(), "the session created the keys");
        assertTrue(sim.organisation().deployments().size() > 0, "the session rolled out");
    }

    /** Connects through the welcome screen (token kept in the encrypted file) and opens the profile as the app does. */
    private Session guiSession() {
        ProfileStore profiles = new ProfileStore(home, new TokenStores(home, (profile, purpose) -> PASSPHRASE.toCharArray()));
        WelcomeViewModel welcome = new WelcomeViewModel(profiles, new SameThreadTaskExecutor());
        welcome.nameProperty().set("acme");
        welcome.apiUrlProperty().set(sim.baseUrl());
        welcome.tokenProperty().set(sim.token());
        welcome.tokenStoreProperty().set(TokenStoreKind.FILE);
        AtomicReference<Profile> connected = new AtomicReference<>();
        welcome.connect(connected::set);
        assertNotNull(connected.get(), welcome.messageProperty().get());
        printed.add(welcome.messageProperty().get());

        Session session = new SessionFactory(profiles, new SameThreadTaskExecutor(), home).openProfile(connected.get());
        session.setConnection(ConnectionState.ONLINE, "");
        session.sync().syncAll((resource, done, total) -> { }, () -> false);
        return session;
    }

    private void guiWork(Session session, Path publicKey, Path privateKey) throws Exception {
        AuthKeysViewModel keys = new AuthKeysViewModel(session);
        CreateKeyForm form = keys.newForm();
        form.descriptionProperty().set("gui-single");
        form.deviceNameProperty().set("gui-single");
        AtomicReference<AuthKey> single = new AtomicReference<>();
        keys.create(form.request(), single::set, message -> fail(message));
        SecretsViewModel oneSecret = keys.secrets(List.of(single.get()));
        oneSecret.saveKeyFiles(chosen.resolve("gui-keys"), false);
        assertTrue(oneSecret.savedProperty().get(), oneSecret.statusProperty().get());
        printed.add(oneSecret.statusProperty().get());

        BulkKeysViewModel bulk = keys.newBulk();
        bulk.namesProperty().set("gui-{1..5}");
        bulk.tags().add("production");
        bulk.start();
        printed.add(bulk.batch().summaryProperty().get());
        SecretsViewModel secrets = keys.secrets(bulk.takeCreated());
        secrets.saveKeyFiles(chosen.resolve("gui-keys"), false);
        secrets.saveCsv(chosen.resolve("gui-secrets.csv"));
        assertTrue(secrets.savedProperty().get(), secrets.statusProperty().get());
        printed.add(secrets.statusProperty().get());
        secrets.forget();

        RegisterIdentityForm identity = new IdentitiesViewModel(session).newRegistration();
        identity.loadPublicKey(publicKey);
        identity.descriptionProperty().set("gui-identity");
        identity.signingProperty().set(RegisterIdentityForm.Signing.LOCAL_KEY);
        identity.loadPrivateKey(privateKey);
        identity.register(registered -> { }, message -> fail(message));

        NewArtefactViewModel artefact = new NewArtefactViewModel(session);
        artefact.nameProperty().set("gui-image");
        artefact.uriProperty().set("https://example.com/gui-image.img");
        artefact.checksumProperty().set("b".repeat(64));
        artefact.create(made -> { });
        assertEquals("", artefact.errorProperty().get());

        RolloutWizardViewModel wizard = new RolloutWizardViewModel(session, new RolloutsViewModel(session).rollouts(),
                List.of());
        wizard.loadArtefacts();
        wizard.artefactProperty().set(wizard.artefacts().stream().filter(a -> a.name().equals("gui-image")).findFirst()
                .orElseThrow());
        wizard.next();
        wizard.targets().queryProperty().set("tag:production");
        wizard.next();
        wizard.plan().maxFailurePctProperty().set(50);
        wizard.next();
        CompletableFuture<RolloutRun> started = new CompletableFuture<>();
        wizard.start(started::complete);
        started.get(10, TimeUnit.SECONDS).completion().get(120, TimeUnit.SECONDS);

        DevicesViewModel devices = new DevicesViewModel(session);
        devices.reload();
        List<org.fleetdesk.api.Device> all = session.store().index().devices();
        devices.export(chosen.resolve("devices-gui.csv"), all, DeviceColumn.all(), ExportFormat.CSV);
        devices.export(chosen.resolve("devices-gui.json"), all, DeviceColumn.all(), ExportFormat.JSON);
        printed.add(devices.messageProperty().get());

        ActivityViewModel activity = new ActivityViewModel(session);
        activity.reload();
        activity.exportCsv(chosen.resolve("activity-gui.csv"));
        printed.add(activity.statusProperty().get());
        assertTrue(Files.readString(chosen.resolve("activity-gui.csv")).contains("gui-5"), "the activity was journalled");
    }

    private void cliWork(Path publicKey, Path privateKey) throws Exception {
        cli(true, "devices", "sync");
        cli(false, "devices", "sync");
        cli(true, "auth-keys", "create", "--names", "cli-{1..3}", "--tag", "production", "--out-dir",
                chosen.resolve("cli-keys").toString());
        cli(true, "identities", "register", "--public-key", publicKey.toString(), "--description", "cli-identity",
                "--private-key", privateKey.toString());
        cli(true, "artefacts", "create", "--name", "cli-image", "--uri", "https://example.com/cli-image.img",
                "--checksum", "c".repeat(64));
        cli(true, "deploy", "--artefact", "cli-image", "--query", "tag:production", "--max-failure-pct", "50", "--yes");
        Files.writeString(chosen.resolve("devices-cli.csv"), cli(true, "devices", "list", "--format", "csv"));
        Files.writeString(chosen.resolve("devices-cli.json"), cli(true, "devices", "list", "--offline", "--format", "json"));
        cli(true, "auth-keys", "list", "--format", "json");
        cli(true, "rollouts", "list");
        Files.writeString(chosen.resolve("activity-cli.csv"), cli(true, "activity", "--format", "csv"));
        cli(false, "activity", "--format", "json");
    }

    /** Runs one command with the token from the environment, or with {@code --profile acme}; returns its stdout. */
    private String cli(boolean tokenFromEnvironment, String... args) {
        Map<String, String> variables = new HashMap<>();
        variables.put("FLEETDESK_HOME", home.toString());
        variables.put(Connections.PASSPHRASE_VARIABLE, PASSPHRASE);
        List<String> command = new ArrayList<>(List.of(args));
        if (tokenFromEnvironment) {
            variables.put("FLEETDESK_API_URL", sim.baseUrl());
            variables.put("FLEETDESK_TOKEN", sim.token());
        } else {
            command.addAll(List.of("--profile", "acme"));
        }
        CliEnvironment environment = new CliEnvironment(variables, new ByteArrayInputStream(new byte[0]),
                RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(50)).build());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = FleetdeskCommand.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(command.toArray(String[]::new));
        printed.add(out.toString());
        printed.add(err.toString());
        assertEquals(0, exit, String.join(" ", command) + ": " + err);
        return out.toString();
    }

    private void scan(String when, boolean cacheOpen) throws Exception {
        printed.add(console.toString(StandardCharsets.UTF_8));
        String token = sim.token();
        TokenScan.assertNotFoundUnder(home, token);
        TokenScan.assertNotFoundUnder(chosen, token);
        for (String text : printed) {
            assertFalse(TokenScan.foundIn(text, token), when + ": the token was printed (output withheld)");
        }
        for (AuthKey key : sim.organisation().authKeys()) {
            String secret = key.secret();
            TokenScan.assertNotFoundUnder(home, secret);
            for (String text : printed) {
                assertFalse(TokenScan.foundIn(text, secret), when + ": a secret was printed (output withheld)");
            }
            List<String> holders = filesHolding(chosen, secret);
            String expectedKeyFile = key.description() + ".key";
            for (String holder : holders) {
                assertTrue(holder.equals(expectedKeyFile) || holder.equals("gui-secrets.csv"),
                        when + ": the secret of " + key.description() + " is in " + holder);
            }
            assertTrue(holders.contains(expectedKeyFile), when + ": no key file for " + key.description() + ": " + holders);
        }
        if (cacheOpen) {
            assertTrue(walFiles().length > 0, "the scan covered the cache's WAL");
        }
    }

    private String[] walFiles() throws Exception {
        try (Stream<Path> files = Files.walk(home)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith("-wal")).toArray(String[]::new);
        }
    }

    private static List<String> filesHolding(Path root, String secret) throws Exception {
        List<String> holders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (TokenScan.foundIn(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), secret)) {
                    holders.add(file.getFileName().toString());
                }
            }
        }
        return holders;
    }

    private final Map<String, KeyPair> devices = new HashMap<>();

    /** A device's public or private key as a PEM file in the user's folder. */
    private Path devicePem(String device, boolean publicKey) throws Exception {
        KeyPair pair = devices.get(device);
        if (pair == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            pair = generator.generateKeyPair();
            devices.put(device, pair);
        }
        return publicKey ? Files.writeString(chosen.resolve(device + ".pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()))
                : Files.writeString(chosen.resolve(device + "-private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
