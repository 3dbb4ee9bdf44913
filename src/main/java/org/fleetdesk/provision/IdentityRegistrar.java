package org.fleetdesk.provision;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.IdentityRequest;
import org.fleetdesk.api.NetworkException;
import org.fleetdesk.api.NewDeviceIdentity;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.api.UnprocessableException;

/**
 * Sends signed identity requests and reconciles a lost answer: the identities are listed and the one with the same
 * public key, if there, is the answer; only when there is none is the same signed request sent again (an identity
 * carries no secret, so nothing is lost with the answer). Thread-safe.
 */
public final class IdentityRegistrar {
    private final ConnectClient client;
    private final Backoff backoff;

    /** The registered identity and how many answers were lost on the way (0 normally). */
    public record Registered(DeviceIdentity identity, int lostAnswers, boolean registeredBefore) {
        public Registered(DeviceIdentity identity, int lostAnswers) {
            this(identity, lostAnswers, false);
        }

        public String note() {
            if (registeredBefore) {
                return "Already registered with this key, description, name and tags (an earlier run): nothing sent.";
            }
            return lostAnswers == 0 ? null : "The answer was lost; the identity was found registered.";
        }
    }

    /** {@code limiter} is the client's, so that a Retry-After slows every worker; null when it is not shared. */
    public IdentityRegistrar(ConnectClient client, RequestLimiter limiter) {
        this.client = client;
        this.backoff = new Backoff(limiter);
    }

    public Registered register(IdentityRequest request, String signature) {
        int lost = 0;
        ApiException last = null;
        for (int attempt = 1; attempt <= AuthKeyCreator.MAX_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                backoff.before(attempt - 1, PostFailure.retryAfterMillis(last));
            }
            try {
                return new Registered(client.createDeviceIdentity(request, signature), lost);
            } catch (ApiException e) {
                PostFailure failure = PostFailure.of(e);
                if (failure == PostFailure.REFUSED) {
                    Optional<Registered> before = alreadyRegistered(request, e);
                    if (before.isPresent()) {
                        return before.get();
                    }
                    throw e;
                }
                last = e;
                if (failure == PostFailure.ANSWER_LOST) {
                    lost++;
                    Optional<DeviceIdentity> found = find(request, e);
                    if (found.isPresent()) {
                        return new Registered(requireSame(found.get(), request.identity()), lost);
                    }
                }
            }
        }
        throw new NetworkException("Could not register the device identity \"" + request.identity().description()
                + "\": " + AuthKeyCreator.MAX_ATTEMPTS + " attempts failed (last: " + Failures.describe(last)
                + "). Nothing was registered; try again later.", false, last);
    }

    /**
     * A 422 for a key that is registered already is a success when that identity says what the request says: a run
     * repeated after an interruption registers nothing twice and reports the earlier registration.
     */
    private Optional<Registered> alreadyRegistered(IdentityRequest request, ApiException refusal) {
        if (!(refusal instanceof UnprocessableException)) {
            return Optional.empty();
        }
        try {
            return client.listAllDeviceIdentities().stream()
                    .filter(identity -> samePublicKey(identity.publicKey(), request.publicKey()))
                    .findFirst().map(found -> new Registered(requireSame(found, request.identity()), 0, true));
        } catch (ApiException listFailed) {
            return Optional.empty();
        }
    }

    private Optional<DeviceIdentity> find(IdentityRequest request, ApiException lostAnswer) {
        try {
            return client.listAllDeviceIdentities().stream()
                    .filter(identity -> samePublicKey(identity.publicKey(), request.publicKey()))
                    .findFirst();
        } catch (ApiException e) {
            throw new NetworkException("The answer to registering \"" + request.identity().description() + "\" was lost ("
                    + lostAnswer.getMessage() + "), and checking whether it was registered failed too ("
                    + e.getMessage() + "): look for it with fleetdesk identities list before registering it again.",
                    true, e);
        }
    }

    /** An identity found by its key was made by the lost request only if it also says what that request said. */
    private static DeviceIdentity requireSame(DeviceIdentity found, NewDeviceIdentity sent) {
        if (found.description().equals(sent.description()) && Objects.equals(found.deviceName(), sent.deviceName())
                && found.tags().equals(sent.tags())) {
            return found;
        }
        throw new UnprocessableException("This public key is already registered as \"" + found.description()
                + "\" (identity " + found.id() + "): delete that identity first to register the key again.");
    }

    static boolean samePublicKey(String pem, PublicKey key) {
        if (pem == null) {
            return false;
        }
        StringBuilder base64 = new StringBuilder();
        for (String line : pem.split("\\R")) {
            if (!line.startsWith("-----")) {
                base64.append(line.strip());
            }
        }
        try {
            return Arrays.equals(Base64.getDecoder().decode(base64.toString()), key.getEncoded());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
