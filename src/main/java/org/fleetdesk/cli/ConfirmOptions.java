package org.fleetdesk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;
import org.fleetdesk.api.InvalidInputException;
import picocli.CommandLine.Option;

/** {@code --yes} of destructive commands; without it the command asks on standard input. */
final class ConfirmOptions {
    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (for scripts).")
    boolean yes;

    /** Returns when confirmed; otherwise throws, so nothing is sent. */
    void require(String question, CliEnvironment environment, PrintWriter err) {
        if (yes) {
            return;
        }
        err.print(question + " [y/N] ");
        err.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(environment.stdin(), Charset.defaultCharset())).readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null) {
            throw new InvalidInputException("No answer on standard input, so nothing was done: pass --yes to confirm"
                    + " without a question.");
        }
        String normalized = answer.strip().toLowerCase(Locale.ROOT);
        if (!normalized.equals("y") && !normalized.equals("yes")) {
            throw new InvalidInputException("Not confirmed, so nothing was done.");
        }
    }
}
