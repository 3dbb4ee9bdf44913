package org.fleetdesk.sim;

import java.util.List;
import org.fleetdesk.api.AuthKey;

/** {@code /organisation/auth-keys}: create (JSON or form), list, show, update, delete. */
final class AuthKeyEndpoints {
    private static final String OWNER = "auth key";
    private final Organisation organisation;

    AuthKeyEndpoints(Organisation organisation) {
        this.organisation = organisation;
    }

    SimResponse create(SimRequest request) {
        Params params = request.params();
        ServerValidation validation = new ServerValidation();
        String description = params.string("description");
        validation.requirePresent(description, "Description");
        int ttlDays = validation.ttlDays(params.string("ttl_days"));
        List<String> tags = validation.tags(params.strings("tags"), OWNER);
        validation.throwIfAny();
        String deviceName = params.string("device_name");
        AuthKey key = organisation.createAuthKey(description, ttlDays, deviceName == null || deviceName.isEmpty() ? null : deviceName,
                tags == null ? List.of() : tags);
        return SimResponse.created(ApiJson.authKey(key, true));
    }

    SimResponse list(SimRequest request) {
        Pagination pagination = Pagination.of(request);
        List<AuthKey> keys = organisation.listAuthKeys();
        List<byte[]> items = pagination.slice(keys).stream().map(key -> ApiJson.bytes(ApiJson.authKey(key, false))).toList();
        return SimResponse.ok(ApiJson.page("auth_keys", items, pagination.meta(keys.size())));
    }

    SimResponse show(String id) {
        return SimResponse.ok(ApiJson.authKey(organisation.authKey(id), false));
    }

    SimResponse update(SimRequest request, String id) {
        organisation.authKey(id);
        Params params = request.params();
        ServerValidation validation = new ServerValidation();
        String description = params.string("description");
        validation.refuseBlank(description, "Description");
        List<String> tags = validation.tags(params.strings("tags"), OWNER);
        validation.throwIfAny();
        AuthKey key = organisation.updateAuthKey(id, description, deviceNameChange(params), tags);
        return SimResponse.ok(ApiJson.authKey(key, false));
    }

    SimResponse delete(String id) {
        organisation.deleteAuthKey(id);
        return SimResponse.noContent();
    }

    /** The new device name of an update: null = unchanged, "" = cleared (sent empty or as JSON null). */
    static String deviceNameChange(Params params) {
        if (!params.mentions("device_name")) {
            return null;
        }
        String name = params.string("device_name");
        return name == null ? "" : name;
    }
}
