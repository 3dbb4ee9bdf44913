package org.fleetdesk.api;

/**
 * The server's certificate was refused (untrusted, expired, or for another host): nothing was sent, and trying again
 * does not help until the certificate or this computer's trust store changes.
 */
public class CertificateRefusedException extends NetworkException {
    public CertificateRefusedException(String message, Throwable cause) {
        super(message, false, cause);
    }
}
