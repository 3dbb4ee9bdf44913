package org.fleetdesk.api;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** Reads EC P-256 keys from PEM text, with a clear message for every other thing a person might paste. */
final class PemKeys {
    private static final String P256 = "EC P-256 (prime256v1 / secp256r1)";

    private PemKeys() {
    }

    static PublicKey publicKey(String pem) {
        Object object = firstKeyObject(pem, "public key");
        if (object instanceof SubjectPublicKeyInfo info) {
            requireP256(info.getAlgorithm(), "public key");
            try {
                return new JcaPEMKeyConverter().getPublicKey(info);
            } catch (IOException e) {
                throw new InvalidInputException("The public key cannot be read: " + e.getMessage());
            }
        }
        if (isPrivateKey(object)) {
            throw new InvalidInputException("This is a private key, not a public key: give the device's public key"
                    + " (-----BEGIN PUBLIC KEY-----). A private key must never be sent to the API.");
        }
        throw new InvalidInputException(unexpected(object, "public key (-----BEGIN PUBLIC KEY-----)"));
    }

    /** The key as openssl writes it: one PUBLIC KEY block, 64 Base64 characters a line, {@code \n} line ends. */
    static String toPem(PublicKey key) {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    static PrivateKey privateKey(String pem) {
        Object object = firstKeyObject(pem, "private key");
        PrivateKeyInfo info;
        if (object instanceof PEMKeyPair pair) {
            info = pair.getPrivateKeyInfo();
        } else if (object instanceof PrivateKeyInfo privateKeyInfo) {
            info = privateKeyInfo;
        } else if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new InvalidInputException("The private key is encrypted with a passphrase: decrypt it first, e.g."
                    + " openssl pkey -in key.pem -out plain-key.pem, and keep the plain copy safe.");
        } else if (object instanceof SubjectPublicKeyInfo) {
            throw new InvalidInputException("This is a public key, not a private key: signing needs the device's"
                    + " private key (-----BEGIN EC PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----).");
        } else {
            throw new InvalidInputException(unexpected(object, "private key (-----BEGIN EC PRIVATE KEY----- or"
                    + " -----BEGIN PRIVATE KEY-----)"));
        }
        requireP256(info.getPrivateKeyAlgorithm(), "private key");
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw new InvalidInputException("The private key cannot be read: " + e.getMessage());
        }
    }

    /** The first PEM object that is not an "EC PARAMETERS" block (which openssl ecparam writes before the key). */
    private static Object firstKeyObject(String pem, String what) {
        if (pem == null || pem.isBlank()) {
            throw new InvalidInputException("The " + what + " is empty: give a PEM file.");
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            while (object instanceof ASN1ObjectIdentifier) {
                object = parser.readObject();
            }
            if (object == null) {
                throw new InvalidInputException("No PEM " + what + " found: the text must contain a block that starts"
                        + " with -----BEGIN ... KEY-----.");
            }
            return object;
        } catch (IOException e) {
            throw new InvalidInputException("The " + what + " is not valid PEM (" + e.getMessage() + "): copy the whole"
                    + " file, including the -----BEGIN and -----END lines.");
        }
    }

    private static void requireP256(AlgorithmIdentifier algorithm, String what) {
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())) {
            throw new InvalidInputException("The " + what + " is not an EC key (algorithm " + algorithm.getAlgorithm()
                    + "): device identities use " + P256 + " keys.");
        }
        ASN1Primitive parameters = algorithm.getParameters() == null ? null : algorithm.getParameters().toASN1Primitive();
        if (!(parameters instanceof ASN1ObjectIdentifier curve)) {
            throw new InvalidInputException("The " + what + " does not name its curve: device identities use " + P256
                    + " keys.");
        }
        if (!SECObjectIdentifiers.secp256r1.equals(curve)) {
            String name = ECNamedCurveTable.getName(curve);
            throw new InvalidInputException("The " + what + " uses the curve " + (name == null ? curve.getId() : name)
                    + ": device identities use " + P256 + " keys.");
        }
    }

    private static boolean isPrivateKey(Object object) {
        return object instanceof PEMKeyPair || object instanceof PrivateKeyInfo || object instanceof PEMEncryptedKeyPair
                || object instanceof PKCS8EncryptedPrivateKeyInfo;
    }

    private static String unexpected(Object object, String expected) {
        String found = object instanceof X509CertificateHolder ? "a certificate" : "a " + object.getClass().getSimpleName();
        return "The PEM text holds " + found + ", not a " + expected + ".";
    }
}
