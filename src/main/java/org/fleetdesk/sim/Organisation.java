package org.fleetdesk.sim;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.DeploymentState;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.DeviceIdentity;

/**
 * The simulated organisation: its devices, auth keys, device identities, artefacts and deployments, and the
 * behaviour of its devices. Thread-safe; the public methods give tests a consistent read-only view (auth keys with
 * their secrets, deployments in their current state) without going through HTTP.
 */
public final class Organisation {
    private static final Comparator<String> ALPHABETICAL = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());
    private static final int SECRET_LENGTH = 40;
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final double DOWNLOAD_FAILURE_SHARE = 0.03;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SimClock clock;
    private final SplittableRandom random;
    private final FleetGenerator generator;
    private final SecureRandom secretRandom = new SecureRandom();
    private final DeviceIndex devices = new DeviceIndex();
    private final Map<String, SimAuthKey> authKeys = new HashMap<>();
    private final Map<String, SimAuthKey> authKeysBySecret = new HashMap<>();
    private final Map<String, SimIdentity> identities = new HashMap<>();
    private final Map<String, SimIdentity> identitiesByKey = new HashMap<>();
    private final Map<String, Artefact> artefacts = new HashMap<>();
    private final Map<String, Integer> deploymentsPerArtefact = new HashMap<>();
    private final Map<String, SimDeployment> deployments = new HashMap<>();
    private final Map<String, List<SimDeployment>> deploymentsByDevice = new HashMap<>();
    private volatile boolean trialEnded;
    private long sequence;

    Organisation(SimConfig config, SimClock clock) {
        this.clock = clock;
        this.random = new SplittableRandom(config.seed());
        this.generator = new FleetGenerator(random.split());
        this.trialEnded = config.trialEnded();
        devices.addAll(generator.fleet(config.devices(), config.offlinePct()));
    }

    // ---- read-only views (public, for tests and the demo) ----

    public SimClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.now();
    }

    /** Every device, in the API's list order (alphabetically by name). */
    public List<Device> devices() {
        return read(() -> devices.all().stream().map(entry -> entry.device).toList());
    }

    public Optional<Device> device(String id) {
        return read(() -> Optional.ofNullable(devices.get(id)).map(entry -> entry.device));
    }

    public int deviceCount() {
        return read(devices::size);
    }

    /** Whether the device picks up deployments; false for the generated offline share and for unknown devices. */
    public boolean isOnline(String deviceId) {
        return read(() -> {
            DeviceEntry entry = devices.get(deviceId);
            return entry != null && entry.online;
        });
    }

    /** Every auth key with its secret, in the API's list order. */
    public List<AuthKey> authKeys() {
        return read(() -> sortedAuthKeys().stream().map(SimAuthKey::withSecret).toList());
    }

    /** Every device identity, sorted by description. */
    public List<DeviceIdentity> identities() {
        return read(() -> identities.values().stream().map(SimIdentity::view)
                .sorted(Comparator.comparing(DeviceIdentity::description, ALPHABETICAL).thenComparing(DeviceIdentity::id))
                .toList());
    }

    /** Every artefact, sorted by name. */
    public List<Artefact> artefacts() {
        return listArtefacts("");
    }

    /** Every deployment in its current state, oldest first. */
    public List<Deployment> deployments() {
        Instant now = clock.now();
        return read(() -> deployments.values().stream().sorted(Comparator.comparingLong(d -> d.sequence))
                .map(d -> d.at(now)).toList());
    }

    /** The deployments of one device in their current state, most recent first; none for an unknown device. */
    public List<Deployment> deploymentsOf(String deviceId) {
        try {
            return listDeployments(deviceId, null);
        } catch (SimError e) {
            return List.of();
        }
    }

    public boolean trialEnded() {
        return trialEnded;
    }

    // ---- simulation controls ----

    public void setTrialEnded(boolean ended) {
        trialEnded = ended;
    }

    /**
     * Takes a device offline (it stops picking up deployments) or back online (it picks up its pending one).
     *
     * @throws IllegalArgumentException if the organisation has no such device
     */
    public void setOnline(String deviceId, boolean online) {
        try {
            setDeviceOnline(deviceId, online);
        } catch (SimError e) {
            throw new IllegalArgumentException("no device " + deviceId + " in the organisation");
        }
    }

    void setDeviceOnline(String deviceId, boolean online) {
        write(() -> {
            DeviceEntry entry = entry(deviceId);
            entry.online = online;
            Instant now = clock.now();
            for (SimDeployment deployment : deploymentsByDevice.getOrDefault(deviceId, List.of())) {
                if (deployment.stateAt(now) == DeploymentState.PENDING && online == deployment.awaitingDevice()) {
                    deployment.planPickup(online ? pickupTime(deviceId, now) : null);
                }
            }
            return null;
        });
    }

    // ---- devices ----

    DeviceIndex.Selection selectDevices(DeviceQuery query, int offset, int limit) {
        return read(() -> devices.select(query, offset, limit));
    }

    void deleteDevice(String deviceId) {
        write(() -> {
            removeDevice(entry(deviceId));
            return null;
        });
    }

    // ---- auth keys ----

    AuthKey createAuthKey(String description, int ttlDays, String deviceName, List<String> tags) {
        return write(() -> {
            Instant now = clock.nowSeconds();
            String secret = "rpoak_" + randomSecret();
            SimAuthKey key = new SimAuthKey(RandomIds.uuid(random), secret, now, now.plus(Duration.ofDays(ttlDays)),
                    ++sequence, description, deviceName, tags);
            authKeys.put(key.id, key);
            authKeysBySecret.put(secret, key);
            return key.withSecret();
        });
    }

    List<AuthKey> listAuthKeys() {
        return read(() -> sortedAuthKeys().stream().map(SimAuthKey::view).toList());
    }

    AuthKey authKey(String id) {
        return read(() -> authKeyEntry(id).view());
    }

    /** Changes the given fields (null = unchanged; {@code deviceName} "" clears it). Refused once expired or used. */
    AuthKey updateAuthKey(String id, String description, String deviceName, List<String> tags) {
        return write(() -> {
            SimAuthKey key = authKeyEntry(id);
            switch (key.stateAt(clock.now())) {
                case EXPIRED -> throw SimError.unprocessable("Cannot update an auth key that has expired");
                case EXCHANGED -> throw SimError.unprocessable("Cannot update an auth key that has already been exchanged");
                default -> {
                }
            }
            if (description != null) {
                key.description = description;
            }
            if (deviceName != null) {
                key.deviceName = deviceName.isEmpty() ? null : deviceName;
            }
            if (tags != null) {
                key.tags = tags;
            }
            return key.view();
        });
    }

    void deleteAuthKey(String id) {
        write(() -> {
            SimAuthKey key = authKeyEntry(id);
            authKeys.remove(id);
            authKeysBySecret.remove(key.secret);
            return null;
        });
    }

    /** What a device does with an auth key's secret: it joins the organisation, named and tagged by the key. */
    Device exchangeAuthKey(String secret, String hostname) {
        return write(() -> {
            SimAuthKey key = authKeysBySecret.get(secret);
            if (key == null) {
                throw SimError.unprocessable("Auth key is invalid");
            }
            Instant now = clock.now();
            switch (key.stateAt(now)) {
                case EXPIRED -> throw SimError.unprocessable("Auth key has expired");
                case EXCHANGED -> throw SimError.unprocessable("Auth key has already been exchanged");
                default -> {
                }
            }
            key.exchangedAt = clock.nowSeconds();
            return linkDevice(key.deviceName != null ? key.deviceName : hostname, key.tags);
        });
    }

    // ---- device identities ----

    DeviceIdentity createIdentity(String publicKeyPem, String keyFingerprint, String description, String deviceName,
                                  List<String> tags) {
        return write(() -> {
            if (identitiesByKey.containsKey(keyFingerprint)) {
                throw SimError.unprocessable("Validation failed: Public key has already been taken");
            }
            SimIdentity identity = new SimIdentity(RandomIds.uuid(random), publicKeyPem, keyFingerprint,
                    clock.nowSeconds(), description, deviceName, tags);
            identities.put(identity.id, identity);
            identitiesByKey.put(keyFingerprint, identity);
            return identity.view();
        });
    }

    List<DeviceIdentity> listIdentities() {
        return identities();
    }

    DeviceIdentity identity(String id) {
        return read(() -> identityEntry(id).view());
    }

    /** Changes the given fields (null = unchanged); once exchanged, only the description changes. */
    DeviceIdentity updateIdentity(String id, String description, String deviceName, List<String> tags) {
        return write(() -> {
            SimIdentity identity = identityEntry(id);
            if (description != null) {
                identity.description = description;
            }
            if (!identity.exchanged()) {
                if (deviceName != null) {
                    identity.deviceName = deviceName.isEmpty() ? null : deviceName;
                }
                if (tags != null) {
                    identity.tags = tags;
                }
            }
            return identity.view();
        });
    }

    boolean identityExchanged(String id) {
        return read(() -> identityEntry(id).exchanged());
    }

    /** Deletes the identity and, once it has been exchanged, the device it became. */
    void deleteIdentity(String id) {
        write(() -> {
            SimIdentity identity = identityEntry(id);
            identities.remove(id);
            identitiesByKey.remove(identity.keyFingerprint);
            if (identity.deviceId != null && devices.get(identity.deviceId) != null) {
                removeDevice(devices.get(identity.deviceId));
            }
            return null;
        });
    }

    record Exchange(Device device, boolean created) {
    }

    /** What a device does with its identity: the first exchange creates its device, later ones return the same. */
    Exchange exchangeIdentity(String keyFingerprint, String hostname) {
        return write(() -> {
            SimIdentity identity = identitiesByKey.get(keyFingerprint);
            if (identity == null) {
                throw SimError.unprocessable("No device identity is registered for this public key");
            }
            if (identity.deviceId != null && devices.get(identity.deviceId) != null) {
                return new Exchange(devices.get(identity.deviceId).device, false);
            }
            Device device = linkDevice(identity.deviceName != null ? identity.deviceName : hostname, identity.tags);
            identity.deviceId = device.id();
            return new Exchange(device, true);
        });
    }

    // ---- artefacts ----

    Artefact createArtefact(String name, String uri, String checksum) {
        return write(() -> {
            if (artefacts.values().stream().anyMatch(a -> a.name().equals(name))) {
                throw SimError.unprocessable("Validation failed: Name has already been taken");
            }
            Artefact artefact = new Artefact(RandomIds.uuid(random), name, uri, checksum);
            artefacts.put(artefact.id(), artefact);
            return artefact;
        });
    }

    List<Artefact> listArtefacts(String namePrefix) {
        String prefix = namePrefix.toLowerCase(Locale.ROOT);
        return read(() -> artefacts.values().stream()
                .filter(a -> a.name().toLowerCase(Locale.ROOT).startsWith(prefix))
                .sorted(Comparator.comparing(Artefact::name, ALPHABETICAL).thenComparing(Artefact::id))
                .toList());
    }

    void deleteArtefact(String id) {
        write(() -> {
            if (!artefacts.containsKey(id)) {
                throw SimError.notFound("Artefact");
            }
            if (deploymentsPerArtefact.getOrDefault(id, 0) > 0) {
                throw SimError.unprocessable("Cannot delete artefacts that have been deployed");
            }
            artefacts.remove(id);
            return null;
        });
    }

    // ---- deployments ----

    /** Queues an artefact for a device; the device's pending deployment, if any, is superseded. */
    Deployment createDeployment(String deviceId, String artefactId) {
        return write(() -> {
            DeviceEntry device = entry(deviceId);
            if (trialEnded) {
                throw new SimError(403, "Deployments are blocked until billing has been set up");
            }
            if (artefactId == null || artefactId.isBlank()) {
                throw SimError.badRequest("param is missing or the value is empty: artefact_id");
            }
            Artefact artefact = artefacts.get(artefactId);
            if (artefact == null) {
                throw SimError.notFound("Artefact");
            }
            Instant now = clock.now();
            List<SimDeployment> history = deploymentsByDevice.computeIfAbsent(deviceId, id -> new ArrayList<>());
            for (SimDeployment previous : history) {
                if (previous.stateAt(now) == DeploymentState.PENDING) {
                    previous.close(DeploymentState.FAILED, SimDeployment.SUPERSEDED, now);
                }
            }
            boolean corrupt = artefact.uri().toLowerCase(Locale.ROOT).contains("corrupt");
            boolean downloadFails = random.nextDouble() < DOWNLOAD_FAILURE_SHARE;
            SimDeployment deployment = new SimDeployment(RandomIds.uuid(random), deviceId, artefactId,
                    clock.nowSeconds(), ++sequence, device.online ? pickupTime(deviceId, now) : null,
                    Duration.ofSeconds(5 + random.nextInt(26)),
                    corrupt || downloadFails ? DeploymentState.FAILED : DeploymentState.SUCCEEDED,
                    corrupt ? "Checksum mismatch" : downloadFails ? "Download failed" : null);
            history.add(deployment);
            deployments.put(deployment.id, deployment);
            deploymentsPerArtefact.merge(artefactId, 1, Integer::sum);
            return deployment.at(now);
        });
    }

    /** A device's deployments, most recent first, optionally only those in {@code state}. */
    List<Deployment> listDeployments(String deviceId, DeploymentState state) {
        Instant now = clock.now();
        return read(() -> {
            entry(deviceId);
            List<SimDeployment> history = deploymentsByDevice.getOrDefault(deviceId, List.of());
            List<Deployment> result = new ArrayList<>(history.size());
            for (int i = history.size() - 1; i >= 0; i--) {
                Deployment deployment = history.get(i).at(now);
                if (state == null || deployment.state() == state) {
                    result.add(deployment);
                }
            }
            return result;
        });
    }

    Deployment deployment(String id) {
        Instant now = clock.now();
        return read(() -> deploymentEntry(id).at(now));
    }

    Deployment cancelDeployment(String id) {
        return write(() -> {
            SimDeployment deployment = deploymentEntry(id);
            Instant now = clock.now();
            DeploymentState state = deployment.stateAt(now);
            if (state != DeploymentState.PENDING) {
                throw SimError.unprocessable("Cannot cancel deployment in state \"" + state.apiName() + "\"");
            }
            deployment.close(DeploymentState.CANCELLED, null, now);
            return deployment.at(now);
        });
    }

    // ---- internals (callers hold the lock) ----

    /** When a device that is online at {@code now} starts on a new deployment: after a short delay and after the
     *  deployment it is installing, if any. */
    private Instant pickupTime(String deviceId, Instant now) {
        Instant pickup = now.plusSeconds(2 + random.nextInt(9));
        for (SimDeployment other : deploymentsByDevice.getOrDefault(deviceId, List.of())) {
            Instant finishes = other.finishesAt();
            if (other.stateAt(now) == DeploymentState.IN_PROGRESS && finishes.isAfter(pickup)) {
                pickup = finishes;
            }
        }
        return pickup;
    }

    private Device linkDevice(String name, List<String> tags) {
        return devices.add(generator.linkedDevice(name, tags), true).device;
    }

    private void removeDevice(DeviceEntry entry) {
        devices.remove(entry);
        for (SimDeployment deployment : deploymentsByDevice.getOrDefault(entry.device.id(), List.of())) {
            deployments.remove(deployment.id);
            deploymentsPerArtefact.merge(deployment.artefactId, -1, Integer::sum);
        }
        deploymentsByDevice.remove(entry.device.id());
    }

    private List<SimAuthKey> sortedAuthKeys() {
        Instant now = clock.now();
        return authKeys.values().stream()
                .sorted(Comparator.comparing((SimAuthKey key) -> key.stateAt(now))
                        .thenComparing((SimAuthKey key) -> key.createdAt, Comparator.reverseOrder())
                        .thenComparing(key -> -key.sequence))
                .toList();
    }

    private String randomSecret() {
        StringBuilder secret = new StringBuilder(SECRET_LENGTH);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            secret.append(SECRET_ALPHABET.charAt(secretRandom.nextInt(SECRET_ALPHABET.length())));
        }
        return secret.toString();
    }

    private DeviceEntry entry(String deviceId) {
        DeviceEntry entry = devices.get(deviceId);
        if (entry == null) {
            throw SimError.notFound("Device");
        }
        return entry;
    }

    private SimAuthKey authKeyEntry(String id) {
        SimAuthKey key = authKeys.get(id);
        if (key == null) {
            throw SimError.notFound("Auth key");
        }
        return key;
    }

    private SimIdentity identityEntry(String id) {
        SimIdentity identity = identities.get(id);
        if (identity == null) {
            throw SimError.notFound("Device identity");
        }
        return identity;
    }

    private SimDeployment deploymentEntry(String id) {
        SimDeployment deployment = deployments.get(id);
        if (deployment == null) {
            throw SimError.notFound("Deployment");
        }
        return deployment;
    }

    private <T> T read(Supplier<T> action) {
        return locked(lock.readLock(), action);
    }

    private <T> T write(Supplier<T> action) {
        return locked(lock.writeLock(), action);
    }

    private static <T> T locked(Lock held, Supplier<T> action) {
        held.lock();
        try {
            return action.get();
        } finally {
            held.unlock();
        }
    }
}
