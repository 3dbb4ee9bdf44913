package org.fleetdesk.api;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * Checks a Base64 signature before it is sent: it must decode, be a DER-encoded ECDSA signature, and verify with the
 * request's public key over the request's payload, so that a signature made for other options, another token or
 * another key is caught here with an explanation rather than refused by the server.
 */
final class IdentitySignatures {
    static final String ALGORITHM = "SHA256withECDSA";

    private IdentitySignatures() {
    }

    /** The signature without whitespace, ready for the header; throws InvalidInputException explaining any problem. */
    static String check(IdentityRequest request, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new InvalidInputException("The signature is empty: give the Base64 output of signing the payload digest"
                    + " on the device.");
        }
        String compact = base64.replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The signature is not valid Base64 (" + e.getMessage() + "): pass the signer's"
                    + " output through base64 -w 0 and copy all of it.");
        }
        requireDer(der);
        if (!verifies(request, der)) {
            throw new InvalidInputException("The signature does not verify for this request with the given public key:"
                    + " it was made over a different payload (other description, device name, tags, API URL or token)"
                    + " or with another device's key. Compute the digest again with exactly the same options and sign it"
                    + " on the device whose public key you give.");
        }
        return compact;
    }

    static boolean verifies(IdentityRequest request, byte[] der) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(request.publicKey());
            verifier.update(request.payload().bytes());
            return verifier.verify(der);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void requireDer(byte[] der) {
        String problem = "The signature decodes to " + der.length + " bytes that are not a DER-encoded ECDSA signature"
                + " (a SEQUENCE of two INTEGERs, usually 70 to 72 bytes for P-256).";
        if (der.length == 64) {
            problem += " 64 bytes looks like a raw r||s signature: convert it to DER.";
        }
        try {
            ASN1Primitive parsed = ASN1Primitive.fromByteArray(der);
            if (parsed instanceof ASN1Sequence sequence && sequence.size() == 2
                    && sequence.getObjectAt(0) instanceof ASN1Integer r && r.getValue().signum() > 0
                    && sequence.getObjectAt(1) instanceof ASN1Integer s && s.getValue().signum() > 0
                    && Arrays.equals(sequence.getEncoded(ASN1Encoding.DER), der)) {
                return;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(problem + " Sign with ECDSA-SHA256 and Base64-encode the DER output.");
        }
        throw new InvalidInputException(problem + " Sign with ECDSA-SHA256 and Base64-encode the DER output.");
    }
}
