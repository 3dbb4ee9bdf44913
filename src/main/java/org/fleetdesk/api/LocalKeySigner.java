package org.fleetdesk.api;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Signs identity requests with a device's EC P-256 private key held on this workstation (ECDSA-SHA256, DER,
 * Base64). Refuses other curves, encrypted keys and public keys pasted by mistake, and checks that the key belongs
 * to the public key being registered.
 */
public final class LocalKeySigner {
    private final PrivateKey privateKey;

    private LocalKeySigner(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    /** Reads a PEM private key ({@code EC PRIVATE KEY} or PKCS#8 {@code PRIVATE KEY}). */
    public static LocalKeySigner fromPem(String privateKeyPem) {
        return new LocalKeySigner(PemKeys.privateKey(privateKeyPem));
    }

    /** The value of the {@code X-Connect-Identity-Signature} header for this request. */
    public String sign(IdentityRequest request) {
        byte[] der;
        try {
            Signature signer = Signature.getInstance(IdentitySignatures.ALGORITHM);
            signer.initSign(privateKey);
            signer.update(request.payload().bytes());
            der = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException("The private key cannot sign: " + e.getMessage());
        }
        if (!IdentitySignatures.verifies(request, der)) {
            throw new InvalidInputException("The private key does not belong to the public key being registered: use the"
                    + " private key of the same device key pair.");
        }
        return Base64.getEncoder().encodeToString(der);
    }

    @Override
    public String toString() {
        return "LocalKeySigner[EC P-256]";
    }
}
