package org.fleetdesk.secrets;

/** A token store could not do its work (keychain refused or did not answer, file unreadable). Never holds the token. */
public final class TokenStoreException extends RuntimeException {
    public TokenStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public TokenStoreException(String message) {
        super(message);
    }
}
