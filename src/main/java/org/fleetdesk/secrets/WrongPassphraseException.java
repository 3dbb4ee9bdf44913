package org.fleetdesk.secrets;

import org.fleetdesk.api.InvalidInputException;

/** The passphrase does not open an encrypted token file (it is wrong, or the file was altered). */
public final class WrongPassphraseException extends InvalidInputException {
    public WrongPassphraseException(String message) {
        super(message);
    }
}
