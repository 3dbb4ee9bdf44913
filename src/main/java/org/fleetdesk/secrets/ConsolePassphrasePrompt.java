package org.fleetdesk.secrets;

import java.io.Console;
import java.util.Arrays;
import java.util.Map;
import org.fleetdesk.api.InvalidInputException;

/**
 * The command line's passphrase source: {@code FLEETDESK_PASSPHRASE} when set (scripts), else a hidden prompt on the
 * terminal; a new passphrase is asked for twice.
 */
public final class ConsolePassphrasePrompt implements PassphrasePrompt {
    private final Map<String, String> environment;
    private final Console console;

    /** @param console the terminal, or null when there is none (input or output redirected) */
    public ConsolePassphrasePrompt(Map<String, String> environment, Console console) {
        this.environment = environment;
        this.console = console;
    }

    @Override
    public char[] passphrase(String profile, Purpose purpose) {
        String fromEnvironment = environment.get(Connections.PASSPHRASE_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        if (console == null) {
            throw new InvalidInputException("The token of profile '" + profile + "' is protected by a passphrase and"
                    + " there is no terminal to ask for it: set " + Connections.PASSPHRASE_VARIABLE
                    + ", or run the command in a terminal.");
        }
        if (purpose == Purpose.UNLOCK) {
            return required(console.readPassword("Passphrase for the token of '%s': ", profile));
        }
        char[] first = required(console.readPassword("Choose a passphrase to protect the token of '%s' (at least %d"
                + " characters): ", profile, EncryptedFileTokenStore.MIN_PASSPHRASE_LENGTH));
        char[] second = required(console.readPassword("Type the passphrase again: "));
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw new InvalidInputException("The two passphrases differ: nothing was saved. Run the command again.");
        }
        return first;
    }

    private static char[] required(char[] typed) {
        if (typed == null || typed.length == 0) {
            throw new InvalidInputException("No passphrase was typed: nothing was saved or read. Run the command again.");
        }
        return typed;
    }
}
