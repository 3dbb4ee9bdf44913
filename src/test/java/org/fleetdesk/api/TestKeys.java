package org.fleetdesk.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;

/** Device key pairs and their PEM text for signature tests. */
public final class TestKeys {
    private TestKeys() {
    }

    public static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair p256() {
        return ec("secp256r1");
    }

    /** PEM of a public key ("PUBLIC KEY"). */
    public static String pem(PublicKey key) {
        return write(key);
    }

    /**
     * A private key as {@code openssl ecparam -genkey} writes it: "EC PRIVATE KEY" (SEC 1) naming its curve and
     * holding the public key too.
     */
    public static String pem(KeyPair pair) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
            BigInteger secret = ((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getS();
            SubjectPublicKeyInfo publicInfo = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
            ECPrivateKey sec1 = new ECPrivateKey(((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getParams()
                    .getOrder().bitLength(), secret, publicInfo.getPublicKeyData(), info.getPrivateKeyAlgorithm().getParameters());
            return write(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** PKCS#8 "PRIVATE KEY" PEM. */
    public static String pkcs8(KeyPair pair) {
        try {
            return write(new JcaPKCS8Generator(pair.getPrivate(), null).generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
