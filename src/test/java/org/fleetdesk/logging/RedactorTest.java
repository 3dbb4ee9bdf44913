package org.fleetdesk.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactorTest {
    static final String PEM = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBb3c2VjcmV0a2V5bWF0ZXJpYWwxMjM0NTY3ODkwYWJjZGVm\n"
            + "oAoGCCqGSM49AwEHoUQDQgAE\n-----END EC PRIVATE KEY-----";

    @Test
    void replacesManagementTokensAndAuthKeySecrets() {
        assertEquals("token <redacted> used", Redactor.redact("token rporg_AbC123-_x.y~z used"));
        assertEquals("{\"secret\":\"<redacted>\",\"id\":\"k1\"}", Redactor.redact("{\"secret\":\"rpoak_123456\",\"id\":\"k1\"}"));
        assertEquals("a=<redacted>, b=<redacted>", Redactor.redact("a=rporg_one, b=RPOAK_two"));
    }

    @Test
    void replacesAnyBearerCredential() {
        assertEquals("Authorization: Bearer <redacted>", Redactor.redact("Authorization: Bearer d3m0-t0k3n"));
        assertEquals("authorization=bearer <redacted>; next", Redactor.redact("authorization=bearer abc; next"));
    }

    @Test
    void replacesPrivateKeyBlocksWholeOrCutShort() {
        String pkcs8 = PEM.replace("EC PRIVATE", "PRIVATE");
        assertEquals("key: <redacted> done", Redactor.redact("key: " + PEM + " done"));
        assertEquals("key: <redacted>", Redactor.redact("key: " + pkcs8.substring(0, 60)));
        String escaped = "{\"private_key\":\"" + PEM.replace("\n", "\\n") + "\"}";
        assertFalse(Redactor.redact(escaped).contains("MHcCAQEE"), Redactor.redact(escaped));
    }

    @Test
    void leavesPublicKeysAndOrdinaryTextAlone() {
        String publicKey = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----";
        String text = "synced 2500 devices for org acme; tags kiosk, rporg; " + publicKey;
        assertEquals(text, Redactor.redact(text));
        assertTrue(Redactor.redact(null) == null);
    }
}
