package org.fleetdesk.sim;

import java.math.BigDecimal;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /_sim/…}: what devices and the test bench do, which the real Management API does not expose: exchanging an
 * auth key or a device identity for a device, moving simulated time, switching billing, taking a device offline.
 */
final class DeviceSideEndpoints {
    private final Organisation organisation;

    DeviceSideEndpoints(Organisation organisation) {
        this.organisation = organisation;
    }

    SimResponse exchangeAuthKey(SimRequest request) {
        Params params = request.params();
        String secret = params.string("secret");
        String hostname = params.string("hostname");
        ServerValidation validation = new ServerValidation();
        validation.requirePresent(secret, "Secret");
        validation.requirePresent(hostname, "Hostname");
        validation.throwIfAny();
        return SimResponse.created(ApiJson.device(organisation.exchangeAuthKey(secret.strip(), hostname.strip())));
    }

    SimResponse exchangeIdentity(SimRequest request) {
        Params params = request.params();
        ECPublicKey key = PublicKeys.parse(params.string("public_key"));
        String hostname = params.string("hostname");
        ServerValidation validation = new ServerValidation();
        if (key == null) {
            validation.add("Public key is invalid");
        }
        validation.requirePresent(hostname, "Hostname");
        validation.throwIfAny();
        Organisation.Exchange exchange = organisation.exchangeIdentity(PublicKeys.fingerprint(key), hostname.strip());
        return SimResponse.json(exchange.created() ? 201 : 200, ApiJson.device(exchange.device()));
    }

    SimResponse clock() {
        return SimResponse.ok(Map.of("now", organisation.now()));
    }

    SimResponse advanceClock(SimRequest request) {
        String text = request.params().string("advance_seconds");
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw SimError.badRequest("advance_seconds must be a number of seconds, 0 or more");
        }
        if (seconds.signum() < 0) {
            throw SimError.badRequest("advance_seconds must be a number of seconds, 0 or more");
        }
        Instant now = organisation.clock().advance(Duration.ofNanos(seconds.movePointRight(9).longValue()));
        return SimResponse.ok(Map.of("now", now));
    }

    SimResponse billing() {
        return SimResponse.ok(Map.of("trial_ended", organisation.trialEnded()));
    }

    SimResponse setBilling(SimRequest request) {
        organisation.setTrialEnded(bool(request.params(), "trial_ended"));
        return billing();
    }

    SimResponse setOnline(SimRequest request, String deviceId) {
        boolean online = bool(request.params(), "online");
        organisation.setDeviceOnline(deviceId, online);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", deviceId);
        body.put("online", online);
        return SimResponse.ok(body);
    }

    private static boolean bool(Params params, String field) {
        String value = params.string(field);
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean(value);
        }
        throw SimError.badRequest(field + " must be true or false");
    }
}
