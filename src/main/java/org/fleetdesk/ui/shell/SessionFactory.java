package org.fleetdesk.ui.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import org.fleetdesk.AppPaths;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.IdentityRequest;
import org.fleetdesk.api.LocalKeySigner;
import org.fleetdesk.api.NewArtefact;
import org.fleetdesk.api.NewAuthKey;
import org.fleetdesk.api.NewDeviceIdentity;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.api.Sha256;
import org.fleetdesk.secrets.Profile;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.secrets.Secret;
import org.fleetdesk.secrets.TokenStore;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import org.fleetdesk.store.ApiActivityRecorder;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.store.StorePaths;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.common.TaskExecutor;

/** Opens sessions: on a saved profile (token from its store) or on the embedded demo organisation. Off the UI thread. */
public final class SessionFactory {
    public static final String DEMO_NAME = "Demo organisation (simulated)";
    public static final int DEMO_DEVICES = 2_500;
    /**
     * Requests per second and in flight for one organisation, shared by everything the window does with it. The real
     * API documents no limit, and a 429 pauses every request sharing the limiter; the command line syncs with 16 in
     * flight. Earlier the window allowed 10 a second, 4 at a time, which made each refresh of a 50,000-device fleet
     * take 50 s; these are the values the demo organisation has always run with.
     */
    private static final double REQUESTS_PER_SECOND = 200;
    private static final int REQUESTS_IN_FLIGHT = 8;

    private final ProfileStore profiles;
    private final TaskExecutor executor;
    private final Path home;

    public SessionFactory(ProfileStore profiles, TaskExecutor executor, Path home) {
        this.profiles = profiles;
        this.executor = executor;
        this.home = home;
    }

    public ProfileStore profiles() {
        return profiles;
    }

    /** Starts the simulator on loopback with a fresh generated fleet and a random token, and a fresh cache for it. */
    public Session openDemo() throws IOException {
        SimServer server = SimServer.start(SimConfig.builder().devices(DEMO_DEVICES)
                .seed(new SecureRandom().nextLong()).build());
        seedDemoOrganisation(server);
        Path cache = home.resolve("demo").resolve(StorePaths.FILE_NAME);
        deleteCache(cache);
        RequestLimiter limiter = RequestLimiter.create(REQUESTS_PER_SECOND, REQUESTS_IN_FLIGHT);
        FleetStore store = FleetStore.open(cache);
        ConnectClient client = ConnectClient.builder().baseUrl(server.baseUrl()).token(server.token())
                .limiter(limiter).changeObserver(new ApiActivityRecorder(store, ApiActivityRecorder.GUI)).build();
        return new Session(DEMO_NAME, true, client, limiter, store, executor, server::stop);
    }

    /** Opens a saved organisation; a corrupt cache is moved aside and rebuilt by the first sync. */
    public Session openProfile(Profile profile) {
        TokenStore tokens = profiles.tokenStores().open(profile.tokenStore());
        Secret token = tokens.load(profile.name()).orElseThrow(() -> new IllegalStateException(
                "No token is stored for " + profile.name() + ": open Settings and enter its token again."));
        RequestLimiter limiter = RequestLimiter.create(REQUESTS_PER_SECOND, REQUESTS_IN_FLIGHT);
        FleetStore store = FleetStore.openRecovering(cacheFile(profile));
        store.activity().prune();
        ConnectClient client = ConnectClient.builder().baseUrl(profile.apiUrl()).token(token.reveal())
                .limiter(limiter).changeObserver(new ApiActivityRecorder(store, ApiActivityRecorder.GUI)).build();
        return new Session(profile.name(), false, client, limiter, store, executor, () -> { });
    }

    private Path cacheFile(Profile profile) {
        return profiles.orgFolder(profile.name()).resolve(StorePaths.FILE_NAME);
    }

    /**
     * What a newcomer needs to try every screen at once: artefacts to roll out (the "corrupt" one fails on every
     * device), a few auth keys waiting for their devices, and device identities registered with keys made here.
     */
    private static void seedDemoOrganisation(SimServer server) {
        try (ConnectClient seeding = ConnectClient.builder().baseUrl(server.baseUrl()).token(server.token()).build()) {
            for (String name : new String[] {"kiosk-v1.0", "kiosk-v1.1", "signage-v2.3", "signage-v2.4-corrupt-build"}) {
                String digest = Sha256.hex(Sha256.digest(name.getBytes(StandardCharsets.UTF_8)));
                seeding.createArtefact(new NewArtefact(name,
                        "https://updates.example.com/" + name + ".tar.zst", digest));
            }
            for (int shop = 1; shop <= 5; shop++) {
                String name = String.format(Locale.ROOT, "shop-%02d", shop);
                seeding.createAuthKey(new NewAuthKey("Till for " + name, 30, name + "-till", List.of("kiosk", "retail")));
            }
            for (int screen = 1; screen <= 3; screen++) {
                String name = String.format(Locale.ROOT, "lobby-screen-%02d", screen);
                KeyPair device = DemoKeys.generate();
                IdentityRequest request = seeding.prepareDeviceIdentity(new NewDeviceIdentity(
                        DemoKeys.publicPem(device), "Signage in the " + name, name, List.of("signage")));
                seeding.createDeviceIdentity(request, LocalKeySigner.fromPem(DemoKeys.privatePem(device)).sign(request));
            }
        }
    }

    /** The demo starts from nothing each time: its cache and its journal go. */
    private static void deleteCache(Path cache) throws IOException {
        for (Path file : new Path[] {cache, StorePaths.journalFile(cache)}) {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        }
        AppPaths.ensureDirectory(cache.getParent());
    }
}
