package org.fleetdesk.sim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Checks {@code X-Connect-Identity-Signature}: ECDSA P-256 with SHA-256, Base64 of the DER signature, over the
 * documented payload rebuilt from the request exactly as it was received.
 */
final class IdentitySignature {
    static final String HEADER = "X-Connect-Identity-Signature";

    private IdentitySignature() {
    }

    /**
     * The payload: method, the full URL the client used ({@code http://} + Host header + raw path and query),
     * {@code Authorization: …}, {@code Content-Type: …} (empty value when none was sent), {@code Accept: …} only
     * when one was sent, and the SHA-256 hex of the body; joined by newlines, no trailing newline.
     */
    static String payload(SimRequest request) {
        StringBuilder payload = new StringBuilder();
        payload.append(request.method).append('\n');
        payload.append("http://").append(nullToEmpty(request.header("Host"))).append(request.rawPath);
        if (request.rawQuery != null) {
            payload.append('?').append(request.rawQuery);
        }
        payload.append('\n');
        payload.append("Authorization: ").append(nullToEmpty(request.header("Authorization"))).append('\n');
        payload.append("Content-Type: ").append(nullToEmpty(request.header("Content-Type"))).append('\n');
        String accept = request.header("Accept");
        if (accept != null) {
            payload.append("Accept: ").append(accept).append('\n');
        }
        payload.append(sha256Hex(request.body));
        return payload.toString();
    }

    static boolean verifies(SimRequest request, ECPublicKey key, String signatureBase64) {
        try {
            byte[] signature = Base64.getDecoder().decode(signatureBase64.strip());
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(payload(request).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
