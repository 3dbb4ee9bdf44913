package org.fleetdesk.sim;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads a device's PEM public key: only an EC key on P-256 (what device identities use) is accepted. */
final class PublicKeys {
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    private static final ECParameterSpec P256 = p256();

    private PublicKeys() {
    }

    /** The key, or null when the text is not a PEM P-256 public key. */
    static ECPublicKey parse(String pem) {
        if (pem == null) {
            return null;
        }
        String text = pem.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            return null;
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(text.substring(BEGIN.length(), text.length() - END.length()));
            if (der.length == 0) {
                return null;
            }
            ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            ECParameterSpec params = key.getParams();
            boolean p256 = params.getCurve().equals(P256.getCurve()) && params.getOrder().equals(P256.getOrder())
                    && params.getGenerator().equals(P256.getGenerator());
            return p256 ? key : null;
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    /** A stable identity of the key itself, whatever the PEM's line breaks. */
    static String fingerprint(ECPublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no P-256 curve", e);
        }
    }
}
