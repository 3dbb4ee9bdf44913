package org.fleetdesk.secrets;

/**
 * Asks the person for the passphrase that protects a token file: the CLI reads it from the environment or a hidden
 * console prompt, the desktop app from a dialog. Returning nothing is not allowed: when no passphrase can be had,
 * throw an {@link org.fleetdesk.api.InvalidInputException} that says how to give one.
 */
@FunctionalInterface
public interface PassphrasePrompt {
    enum Purpose {
        /** A token is being saved: a new passphrase is chosen (ask twice to catch typos). */
        CHOOSE,
        /** A saved token is being read: the passphrase chosen before is needed. */
        UNLOCK
    }

    /** The passphrase for the token of {@code profile}; the caller wipes the array after use. */
    char[] passphrase(String profile, Purpose purpose);
}
