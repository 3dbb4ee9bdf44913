package org.fleetdesk.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.ChangeObserver;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journals every change request the client sends (device deleted, auth key created, …) with its outcome, so the
 * activity log needs no call in each feature. Subjects are names and descriptions read from the request or the
 * cache; secrets in answers are never read.
 */
public final class ApiActivityRecorder implements ChangeObserver {
    public static final String GUI = "GUI";
    public static final String CLI = "CLI";
    private static final Logger LOG = LoggerFactory.getLogger(ApiActivityRecorder.class);

    private record Rule(String method, Pattern path, String action, String field) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("DELETE", Pattern.compile("/organisation/devices/([^/]+)"), "device deleted", null),
            new Rule("POST", Pattern.compile("/organisation/auth-keys"), "auth key created", "description"),
            new Rule("PATCH", Pattern.compile("/organisation/auth-keys/([^/]+)"), "auth key updated", "description"),
            new Rule("DELETE", Pattern.compile("/organisation/auth-keys/([^/]+)"), "auth key deleted", null),
            new Rule("POST", Pattern.compile("/organisation/device-identities"), "identity registered", "description"),
            new Rule("PATCH", Pattern.compile("/organisation/device-identities/([^/]+)"), "identity updated", "description"),
            new Rule("DELETE", Pattern.compile("/organisation/device-identities/([^/]+)"), "identity deleted", null),
            new Rule("POST", Pattern.compile("/organisation/artefacts"), "artefact created", "name"),
            new Rule("DELETE", Pattern.compile("/organisation/artefacts/([^/]+)"), "artefact deleted", null),
            new Rule("POST", Pattern.compile("/organisation/devices/([^/]+)/deployments"), "deployment created", "artefact_id"),
            new Rule("PUT", Pattern.compile("/organisation/deployments/([^/]+)/cancel"), "deployment cancelled", null));

    private final FleetStore store;
    private final String source;

    public ApiActivityRecorder(FleetStore store, String source) {
        this.store = store;
        this.source = source;
    }

    @Override
    public void changed(String method, String path, byte[] requestBody, int status, byte[] responseBody,
                        ApiException failure) {
        for (Rule rule : RULES) {
            Matcher matcher = rule.path().matcher(path);
            if (rule.method().equals(method) && matcher.matches()) {
                String id = matcher.groupCount() > 0 ? matcher.group(1) : null;
                String outcome = failure == null ? ActivityEntry.OK
                        : failure.status() == 0 ? "failed (no answer)" : "failed (HTTP " + failure.status() + ")";
                String message = failure == null ? null
                        : failure.serverMessage() != null ? failure.serverMessage() : failure.getMessage();
                try {
                    store.activity().record(source, rule.action(), subject(rule, id, requestBody, responseBody),
                            outcome, message);
                } catch (RuntimeException e) {
                    LOG.warn("Could not journal '{}': {}", rule.action(), e.getMessage());
                }
                return;
            }
        }
    }

    private String subject(Rule rule, String id, byte[] requestBody, byte[] responseBody) {
        String named = rule.field() == null ? null : field(requestBody, rule.field());
        if (rule.action().equals("deployment created")) {
            String device = deviceName(id);
            String artefact = named == null ? null
                    : store.artefacts().get(named).map(a -> a.name()).orElse(named);
            return artefact + " → " + device;
        }
        if (rule.action().equals("device deleted")) {
            return deviceName(id);
        }
        if (named != null) {
            return named;
        }
        String cachedName = lookupName(rule.action(), id);
        String createdId = id == null ? field(responseBody, "id") : id;
        return cachedName != null ? cachedName + " (" + createdId + ")" : createdId;
    }

    private String lookupName(String action, String id) {
        if (id == null) {
            return null;
        }
        Function<String, Optional<String>> finder = action.startsWith("auth key")
                ? key -> store.authKeys().get(key).map(k -> k.description())
                : action.startsWith("identity") ? key -> store.deviceIdentities().get(key).map(i -> i.description())
                : action.startsWith("artefact") ? key -> store.artefacts().get(key).map(a -> a.name())
                : key -> Optional.empty();
        return finder.apply(id).orElse(null);
    }

    private String deviceName(String id) {
        return store.device(id).map(Device::name).map(name -> name + " (" + id + ")").orElse(id);
    }

    private static String field(byte[] json, String name) {
        if (json == null || json.length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(json).get(name);
            return node == null || node.isNull() ? null : node.asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
