package org.fleetdesk.api;

import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;

/**
 * Recognises a refused server certificate in a connection failure and says, in words, what is wrong with it and what
 * to do. Certificates are always checked; these failures never go away by retrying.
 */
final class TlsFailures {
    private static final String INTERCEPTED = "someone may be intercepting the connection";

    private TlsFailures() {
    }

    /** What is wrong with the certificate and what to do, or null when {@code e} is not about a certificate. */
    static String certificateProblem(IOException e, HttpUrl url) {
        if (e instanceof SSLPeerUnverifiedException) {
            return "the server's certificate is not for " + url.host() + ". Check the API URL; otherwise " + INTERCEPTED
                    + ".";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException) {
                return "the server's certificate (or one that vouches for it) has expired or is not valid yet. Check"
                        + " this computer's date and time; if they are right, the server's administrator must renew it.";
            }
            if (cause instanceof CertPathBuilderException) {
                return "the server's certificate is not trusted: it is self-signed or issued by an authority this"
                        + " computer does not know, so " + INTERCEPTED + ". Fleetdesk always checks certificates: if"
                        + " your network inspects encrypted traffic with its own authority, add that authority to the"
                        + " trust store Java uses (the javax.net.ssl.trustStore setting or the runtime's cacerts).";
            }
        }
        return null;
    }
}
