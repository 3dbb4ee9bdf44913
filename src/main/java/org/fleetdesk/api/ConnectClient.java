package org.fleetdesk.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.fleetdesk.Version;

/**
 * The typed client of the Connect for Organisations Management API: one method per endpoint of the reference.
 * Input is validated before anything is sent ({@link InvalidInputException}); every refusal becomes the typed
 * {@link ApiException} carrying the server's own message. Thread-safe; share one per organisation.
 */
public final class ConnectClient implements AutoCloseable {
    public static final String DEFAULT_BASE_URL = "https://api.connect.raspberrypi.com";
    public static final String SIGNATURE_HEADER = "X-Connect-Identity-Signature";
    public static final int MAX_PER_PAGE = 100;

    private final HttpUrl baseUrl;
    private final String authorization;
    private final OkHttpClient http;
    private final ApiTransport transport;

    private ConnectClient(Builder builder, HttpUrl baseUrl) {
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + builder.token;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(builder.connectTimeout)
                .readTimeout(builder.readTimeout)
                .writeTimeout(builder.readTimeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectionPool(new ConnectionPool(builder.limiter.maxConcurrent(), 50, TimeUnit.SECONDS))
                .eventListenerFactory(SendTracker.LISTENER)
                .addInterceptor(new HttpLog())
                .build();
        this.transport = new ApiTransport(http, authorization, builder.userAgent, builder.limiter, builder.retryPolicy,
                builder.changeObserver, builder.failedAttempts);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String baseUrl() {
        return baseUrl.toString();
    }

    // ---- devices

    /** One page of devices; {@code query} uses the dashboard's search syntax (null or blank = all devices). */
    public Page<Device> listDevices(String query, int page, int perPage) {
        HttpUrl url = paged(endpoint("devices"), page, perPage).query("query", query).build();
        return JsonBodies.page(get(url), "devices", Device.class);
    }

    public List<Device> listAllDevices(String query) {
        return Pagination.collect(page -> listDevices(query, page, MAX_PER_PAGE));
    }

    /** Deletes the device and signs it out of Connect. */
    public void deleteDevice(String id) {
        Validation.requireId(id, "Device");
        delete(endpoint("devices", id).build());
    }

    // ---- auth keys

    /** Creates an auth key; the answer is the only one that carries its {@code secret}. */
    public AuthKey createAuthKey(NewAuthKey key) {
        Validation.validate(key);
        return JsonBodies.one(send("POST", endpoint("auth-keys").build(), key), AuthKey.class);
    }

    public Page<AuthKey> listAuthKeys(int page, int perPage) {
        return JsonBodies.page(get(paged(endpoint("auth-keys"), page, perPage).build()), "auth_keys", AuthKey.class);
    }

    public List<AuthKey> listAllAuthKeys() {
        return Pagination.collect(page -> listAuthKeys(page, MAX_PER_PAGE));
    }

    public AuthKey getAuthKey(String id) {
        Validation.requireId(id, "Auth key");
        return JsonBodies.one(get(endpoint("auth-keys", id).build()), AuthKey.class);
    }

    public AuthKey updateAuthKey(String id, AuthKeyUpdate update) {
        Validation.requireId(id, "Auth key");
        requireSomething(update.description(), update.deviceName(), update.tags());
        Validation.validate(update);
        return JsonBodies.one(send("PATCH", endpoint("auth-keys", id).build(), update), AuthKey.class);
    }

    public void deleteAuthKey(String id) {
        Validation.requireId(id, "Auth key");
        delete(endpoint("auth-keys", id).build());
    }

    // ---- device identities

    /**
     * Freezes a "create a device identity" request (exact body and signature payload) for signing. Validates the input
     * and the public key (EC P-256 PEM) first.
     */
    public IdentityRequest prepareDeviceIdentity(NewDeviceIdentity identity) {
        Validation.validate(identity);
        return IdentityRequest.prepare(endpoint("device-identities").build(), authorization, identity);
    }

    /**
     * Sends a prepared request byte for byte with its signature (Base64 DER ECDSA-SHA256, from {@link LocalKeySigner}
     * or from the device). The signature is checked against the request's public key first. Never retried blindly.
     */
    public DeviceIdentity createDeviceIdentity(IdentityRequest request, String base64Signature) {
        HttpUrl url = endpoint("device-identities").build();
        IdentitySignaturePayload payload = request.payload();
        if (!payload.url().equals(url.toString()) || !payload.authorization().equals(authorization)) {
            throw new InvalidInputException("This identity request was prepared for another API URL or token: prepare"
                    + " and sign it again with the connection that sends it.");
        }
        String signature = IdentitySignatures.check(request, base64Signature);
        return JsonBodies.one(transport.send("POST", url, request.body(), Map.of(SIGNATURE_HEADER, signature)),
                DeviceIdentity.class);
    }

    public Page<DeviceIdentity> listDeviceIdentities(int page, int perPage) {
        return JsonBodies.page(get(paged(endpoint("device-identities"), page, perPage).build()), "device_identities",
                DeviceIdentity.class);
    }

    public List<DeviceIdentity> listAllDeviceIdentities() {
        return Pagination.collect(page -> listDeviceIdentities(page, MAX_PER_PAGE));
    }

    public DeviceIdentity getDeviceIdentity(String id) {
        Validation.requireId(id, "Device identity");
        return JsonBodies.one(get(endpoint("device-identities", id).build()), DeviceIdentity.class);
    }

    /** Once an identity has been exchanged, the server applies only the description. */
    public DeviceIdentity updateDeviceIdentity(String id, DeviceIdentityUpdate update) {
        Validation.requireId(id, "Device identity");
        requireSomething(update.description(), update.deviceName(), update.tags());
        Validation.validate(update);
        return JsonBodies.one(send("PATCH", endpoint("device-identities", id).build(), update), DeviceIdentity.class);
    }

    /** Deletes the identity; a device it was exchanged for is deleted and signed out too. */
    public void deleteDeviceIdentity(String id) {
        Validation.requireId(id, "Device identity");
        delete(endpoint("device-identities", id).build());
    }

    // ---- artefacts

    /** One page of artefacts; {@code namePrefix} is a case-insensitive prefix filter (null = all). */
    public Page<Artefact> listArtefacts(String namePrefix, int page, int perPage) {
        HttpUrl url = paged(endpoint("artefacts"), page, perPage).query("name", namePrefix).build();
        return JsonBodies.page(get(url), "artefacts", Artefact.class);
    }

    public List<Artefact> listAllArtefacts(String namePrefix) {
        return Pagination.collect(page -> listArtefacts(namePrefix, page, MAX_PER_PAGE));
    }

    public Artefact createArtefact(NewArtefact artefact) {
        Validation.validate(artefact);
        return JsonBodies.one(send("POST", endpoint("artefacts").build(), artefact), Artefact.class);
    }

    public void deleteArtefact(String id) {
        Validation.requireId(id, "Artefact");
        delete(endpoint("artefacts", id).build());
    }

    // ---- deployments

    /** One page of a device's deployments, most recent first; {@code state} filters (null = all states). */
    public Page<Deployment> listDeployments(String deviceId, DeploymentState state, int page, int perPage) {
        Validation.requireId(deviceId, "Device");
        HttpUrl url = paged(endpoint("devices", deviceId, "deployments"), page, perPage)
                .query("state", state == null ? null : state.apiName()).build();
        return JsonBodies.page(get(url), "deployments", Deployment.class);
    }

    public List<Deployment> listAllDeployments(String deviceId, DeploymentState state) {
        return Pagination.collect(page -> listDeployments(deviceId, state, page, MAX_PER_PAGE));
    }

    public Deployment getDeployment(String id) {
        Validation.requireId(id, "Deployment");
        return JsonBodies.one(get(endpoint("deployments", id).build()), Deployment.class);
    }

    /** Deploys an artefact to a device, superseding any pending deployment of that device. Never retried blindly. */
    public Deployment createDeployment(String deviceId, String artefactId) {
        Validation.requireId(deviceId, "Device");
        Validation.requireId(artefactId, "Artefact");
        return JsonBodies.one(send("POST", endpoint("devices", deviceId, "deployments").build(),
                Map.of("artefact_id", artefactId)), Deployment.class);
    }

    /** Cancels a pending deployment (PUT, retried like any idempotent request). */
    public Deployment cancelDeployment(String id) {
        Validation.requireId(id, "Deployment");
        return JsonBodies.one(transport.send("PUT", endpoint("deployments", id, "cancel").build(), null, Map.of()),
                Deployment.class);
    }

    // ---- all pages at once

    /**
     * Every item of a list, fetched in parallel: the first page, then the others with at most {@code maxConcurrency}
     * requests at a time (the shared limiter still applies). {@code progress} hears {@code (pagesDone, totalPages)};
     * {@code cancelled} is polled between pages and a cancelled fetch throws
     * {@link java.util.concurrent.CancellationException}. Example:
     * {@code client.fetchAllPages(p -> client.listDevices(null, p, 100), 4, progress, task::isCancelled)}.
     */
    public <T> List<T> fetchAllPages(PageLoader<T> loader, int maxConcurrency, PageProgress progress,
                                     BooleanSupplier cancelled) {
        return new ParallelPages<>(loader, maxConcurrency, progress, cancelled).fetch();
    }

    /**
     * As {@link #fetchAllPages}, but hands each page's items to {@code consumer} as soon as the page arrives (page 1
     * first, then the others in any order, from several threads at once) instead of collecting them, so that the
     * caller can work on them while the rest are fetched. Returns when every page was consumed.
     */
    public <T> void forEachPage(PageLoader<T> loader, int maxConcurrency, PageProgress progress,
                                BooleanSupplier cancelled, PageConsumer<T> consumer) {
        new ParallelPages<>(loader, maxConcurrency, progress, cancelled).forEach(consumer);
    }

    @Override
    public void close() {
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "ConnectClient[" + baseUrl + ", token <redacted>]";
    }

    private UrlBuilder endpoint(String... segments) {
        HttpUrl.Builder builder = baseUrl.newBuilder().addPathSegment("organisation");
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return new UrlBuilder(builder);
    }

    private static UrlBuilder paged(UrlBuilder url, int page, int perPage) {
        if (page < 1) {
            throw new InvalidInputException("Page " + page + " does not exist: pages are numbered from 1.");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new InvalidInputException("per_page " + perPage + " is out of range: ask for between 1 and "
                    + MAX_PER_PAGE + " items per page.");
        }
        return url.query("page", Integer.toString(page)).query("per_page", Integer.toString(perPage));
    }

    private static void requireSomething(Object... fields) {
        if (java.util.Arrays.stream(fields).allMatch(Objects::isNull)) {
            throw new InvalidInputException("Nothing to update: give a new description, device name or tags.");
        }
    }

    private ApiTransport.Answer get(HttpUrl url) {
        return transport.send("GET", url, null, Map.of());
    }

    private void delete(HttpUrl url) {
        transport.send("DELETE", url, null, Map.of());
    }

    private ApiTransport.Answer send(String method, HttpUrl url, Object body) {
        return transport.send(method, url, JsonBodies.write(body), Map.of());
    }

    /** Adds query values with strict percent-encoding (see {@link QueryEncoding}); null or blank values are left out. */
    private record UrlBuilder(HttpUrl.Builder builder) {
        UrlBuilder query(String name, String value) {
            if (value != null && !value.isBlank()) {
                builder.addEncodedQueryParameter(name, QueryEncoding.encode(value));
            }
            return this;
        }

        HttpUrl build() {
            return builder.build();
        }
    }

    /** Configures a client; {@link #baseUrl} defaults to {@value #DEFAULT_BASE_URL}, {@link #token} is required. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private String token;
        private RequestLimiter limiter = RequestLimiter.defaults();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private ChangeObserver changeObserver = ChangeObserver.NONE;
        private FailedAttempts failedAttempts = new FailedAttempts();
        private String userAgent = "fleetdesk/" + Version.get();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** {@code https://…}; plain {@code http://} only for a server on this machine (localhost, 127.0.0.1, ::1). */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The management API access token ({@code rporg_…}). */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** Share one limiter between all clients of the same organisation. */
        public Builder limiter(RequestLimiter limiter) {
            this.limiter = Objects.requireNonNull(limiter, "limiter");
            return this;
        }

        /** Told of every change request's outcome (the activity journal). */
        public Builder changeObserver(ChangeObserver changeObserver) {
            this.changeObserver = Objects.requireNonNull(changeObserver, "changeObserver");
            return this;
        }

        /** Counts the attempts that got no usable answer; share one to tell the user about them afterwards. */
        public Builder failedAttempts(FailedAttempts failedAttempts) {
            this.failedAttempts = Objects.requireNonNull(failedAttempts, "failedAttempts");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long to wait for each answer (and to write each request). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public ConnectClient build() {
            if (token == null || token.isBlank()) {
                throw new InvalidInputException("No management API access token: create one in the Connect dashboard"
                        + " (organisation settings, API access tokens) and give it to Fleetdesk.");
            }
            if (token.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
                throw new InvalidInputException("The management API access token contains spaces, line breaks or other"
                        + " characters a token cannot have: copy it again without surrounding text.");
            }
            return new ConnectClient(this, BaseUrls.parse(baseUrl));
        }

        @Override
        public String toString() {
            return "ConnectClient.Builder[" + baseUrl + ", token " + (token == null ? "missing" : "<redacted>") + "]";
        }
    }
}
