package org.fleetdesk.api;

import java.security.PublicKey;
import okhttp3.HttpUrl;

/**
 * A "create a device identity" request frozen before signing: the exact body bytes that will be sent, and the
 * signature payload over them. The same options always give the same bytes and so the same digest, which is what
 * lets a device sign {@link #payloadSha256Hex()} offline while the token stays on the workstation. Prepare one with
 * {@link ConnectClient#prepareDeviceIdentity}, sign it with {@link LocalKeySigner} or on the device, then send it with
 * {@link ConnectClient#createDeviceIdentity}.
 */
public final class IdentityRequest {
    private final NewDeviceIdentity identity;
    private final byte[] body;
    private final IdentitySignaturePayload payload;
    private final PublicKey publicKey;

    private IdentityRequest(NewDeviceIdentity identity, byte[] body, IdentitySignaturePayload payload, PublicKey publicKey) {
        this.identity = identity;
        this.body = body;
        this.payload = payload;
        this.publicKey = publicKey;
    }

    static IdentityRequest prepare(HttpUrl url, String authorization, NewDeviceIdentity identity) {
        PublicKey publicKey = PemKeys.publicKey(identity.publicKey());
        String pem = PemKeys.toPem(publicKey);
        NewDeviceIdentity sent = new NewDeviceIdentity(pem, identity.description(), identity.deviceName(), identity.tags());
        byte[] body = JsonBodies.write(sent);
        IdentitySignaturePayload payload = IdentitySignaturePayload.builder()
                .method("POST")
                .url(url.toString())
                .authorization(authorization)
                .contentType(ApiTransport.JSON.toString())
                .accept(ApiTransport.ACCEPT)
                .body(body)
                .build();
        return new IdentityRequest(sent, body, payload, publicKey);
    }

    /**
     * The identity as it is sent: the public key rewritten in canonical PEM (newline-terminated), so the same key gives
     * the same bytes whatever the file's line endings or surrounding text.
     */
    public NewDeviceIdentity identity() {
        return identity;
    }

    /** The exact body bytes that are sent. */
    public byte[] body() {
        return body.clone();
    }

    public IdentitySignaturePayload payload() {
        return payload;
    }

    /** SHA-256 hex of the signature payload: what a device signs (ECDSA over this digest is ECDSA-SHA256 of the payload). */
    public String payloadSha256Hex() {
        return payload.sha256Hex();
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String toString() {
        return "IdentityRequest[" + payload + ", description=" + identity.description() + "]";
    }
}
