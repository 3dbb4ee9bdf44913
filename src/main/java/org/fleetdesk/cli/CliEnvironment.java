package org.fleetdesk.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.fleetdesk.AppPaths;
import org.fleetdesk.api.RetryPolicy;

/**
 * What a command reads from outside its arguments: environment variables, standard input (for confirmations) and how
 * patiently it retries. Tests pass their own; {@link #system()} is the real process.
 */
public record CliEnvironment(Map<String, String> variables, InputStream stdin, RetryPolicy retryPolicy) {
    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), System.in, RetryPolicy.defaults());
    }

    /** The variable's value, or null when it is unset or blank. */
    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Where local state lives: FLEETDESK_HOME from these variables when set, else {@link AppPaths#home()}. */
    public Path home() {
        String override = variable(AppPaths.HOME_VARIABLE);
        return override != null ? Path.of(override) : AppPaths.home();
    }

    @Override
    public String toString() {
        return "CliEnvironment[" + variables.size() + " variables]";
    }
}
