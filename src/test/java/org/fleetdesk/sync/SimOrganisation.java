package org.fleetdesk.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.Json;
import org.fleetdesk.api.LocalKeySigner;
import org.fleetdesk.api.NewAuthKey;
import org.fleetdesk.api.NewDeviceIdentity;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.sim.SimServer;

/** Drives a running simulator over HTTP as an administrator (the client) and as its devices ({@code /_sim/}). */
final class SimOrganisation {
    private final SimServer server;
    private final ConnectClient client;

    SimOrganisation(SimServer server) {
        this.server = server;
        this.client = client(server, RetryPolicy.none());
    }

    /** A client of the simulator with sync-sized limits and the given patience. */
    static ConnectClient client(SimServer server, RetryPolicy retries) {
        return ConnectClient.builder().baseUrl(server.baseUrl()).token(server.token())
                .limiter(RequestLimiter.create(2_000, 16)).retryPolicy(retries).build();
    }

    /** A client that retries quickly, for servers that inject faults. */
    static RetryPolicy quickRetries(int attempts) {
        return RetryPolicy.builder().maxAttempts(attempts).baseDelay(Duration.ofMillis(2))
                .maxDelay(Duration.ofMillis(20)).maxRetryAfter(Duration.ofSeconds(2)).build();
    }

    ConnectClient client() {
        return client;
    }

    AuthKey createAuthKey(String description, String... tags) {
        return client.createAuthKey(new NewAuthKey(description, 30, null, List.of(tags)));
    }

    DeviceIdentity registerIdentity(String description) {
        KeyPair pair = p256();
        String publicPem = pem("PUBLIC KEY", pair.getPublic().getEncoded());
        var request = client.prepareDeviceIdentity(new NewDeviceIdentity(publicPem, description, null, List.of("kiosk")));
        String signature = LocalKeySigner.fromPem(pem("PRIVATE KEY", pair.getPrivate().getEncoded())).sign(request);
        return client.createDeviceIdentity(request, signature);
    }

    /** What a new device does with an auth key: exchanges it for its enrolment. */
    Device enrol(AuthKey key, String hostname) {
        String body = Json.mapper().createObjectNode().put("secret", key.secret()).put("hostname", hostname).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_sim/auth-keys/exchange"))
                .header("Authorization", "Bearer " + server.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("exchange answered " + response.statusCode() + ": " + response.body());
            }
            return Json.mapper().readValue(response.body(), Device.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
