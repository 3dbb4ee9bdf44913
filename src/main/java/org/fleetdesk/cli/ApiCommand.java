package org.fleetdesk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.FailedAttempts;
import org.fleetdesk.api.RequestLimiter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to the API: resolves the connection, runs, and lets {@link ErrorReporter} handle failures. */
abstract class ApiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    private Connection.Settings settings;
    private RequestLimiter limiter;

    @Override
    public final Integer call() {
        CliEnvironment environment = environment();
        settings = Connection.resolve(connection.profile, environment);
        limiter = createLimiter();
        FailedAttempts failedAttempts = new FailedAttempts();
        try (CliActivity activity = new CliActivity(() -> CacheLocation.open(settings, environment, err()));
             ConnectClient client = Connection.open(settings, environment, limiter, activity, failedAttempts)) {
            return run(client);
        } finally {
            String summary = failedAttempts.summary();
            if (summary != null) {
                err().println("Note: " + summary);
                err().flush();
            }
        }
    }

    /** The limiter to build the client with, asked once per run; bulk commands allow more than the default. */
    protected RequestLimiter createLimiter() {
        return RequestLimiter.defaults();
    }

    /** The limiter the client of this run was built with (to share with bulk workers). */
    protected RequestLimiter limiter() {
        return limiter;
    }

    /** Does the work; returns the exit code. */
    protected abstract int run(ConnectClient client);

    /** Where the connection came from (available in {@link #run}). */
    protected Connection.Settings settings() {
        return settings;
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected CliEnvironment environment() {
        return ((FleetdeskCommand) spec.root().userObject()).environment();
    }
}
