package org.fleetdesk.sim;

import java.security.interfaces.ECPublicKey;
import java.util.List;
import org.fleetdesk.api.DeviceIdentity;

/** {@code /organisation/device-identities}: create (signed), list, show, update, delete. */
final class IdentityEndpoints {
    private static final String OWNER = "device identity";
    private final Organisation organisation;

    IdentityEndpoints(Organisation organisation) {
        this.organisation = organisation;
    }

    SimResponse create(SimRequest request) {
        String signature = request.header(IdentitySignature.HEADER);
        if (signature == null || signature.isBlank()) {
            throw new SimError(401, "Missing " + IdentitySignature.HEADER + " header: sign the request with the"
                    + " device's private key");
        }
        Params params = request.params();
        String pem = params.string("public_key");
        String description = params.string("description");
        ServerValidation validation = new ServerValidation();
        ECPublicKey key = PublicKeys.parse(pem);
        if (pem == null || pem.isBlank()) {
            validation.add("Public key can't be blank");
        } else if (key == null) {
            validation.add("Public key is invalid");
        }
        validation.requirePresent(description, "Description");
        List<String> tags = validation.tags(params.strings("tags"), OWNER);
        if (key == null) {
            validation.throwIfAny();
        }
        if (!IdentitySignature.verifies(request, key, signature)) {
            throw new SimError(401, "Invalid " + IdentitySignature.HEADER + ": it does not verify with this public"
                    + " key over this request");
        }
        validation.throwIfAny();
        String deviceName = params.string("device_name");
        DeviceIdentity identity = organisation.createIdentity(pem, PublicKeys.fingerprint(key), description,
                deviceName == null || deviceName.isEmpty() ? null : deviceName, tags == null ? List.of() : tags);
        return SimResponse.created(identity);
    }

    SimResponse list(SimRequest request) {
        Pagination pagination = Pagination.of(request);
        List<DeviceIdentity> identities = organisation.listIdentities();
        List<byte[]> items = pagination.slice(identities).stream().map(ApiJson::bytes).toList();
        return SimResponse.ok(ApiJson.page("device_identities", items, pagination.meta(identities.size())));
    }

    SimResponse show(String id) {
        return SimResponse.ok(organisation.identity(id));
    }

    /** Once the identity has been exchanged, {@code device_name} and {@code tags} are ignored, not even checked. */
    SimResponse update(SimRequest request, String id) {
        boolean exchanged = organisation.identityExchanged(id);
        Params params = request.params();
        ServerValidation validation = new ServerValidation();
        String description = params.string("description");
        validation.refuseBlank(description, "Description");
        List<String> tags = exchanged ? null : validation.tags(params.strings("tags"), OWNER);
        validation.throwIfAny();
        String deviceName = exchanged ? null : AuthKeyEndpoints.deviceNameChange(params);
        return SimResponse.ok(organisation.updateIdentity(id, description, deviceName, tags));
    }

    SimResponse delete(String id) {
        organisation.deleteIdentity(id);
        return SimResponse.noContent();
    }
}
