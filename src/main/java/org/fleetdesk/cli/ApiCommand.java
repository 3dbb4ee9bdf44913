package org.fleetdesk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fleetdesk.api.ConnectClient;
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

    @Override
    public final Integer call() {
        CliEnvironment environment = environment();
        settings = Connection.resolve(connection.profile, environment);
        try (ConnectClient client = Connection.open(settings, environment, limiter())) {
            return run(client);
        }
    }

    /** Does the work; returns the exit code. */
    protected abstract int run(ConnectClient client);

    /** The limiter the command's requests share; the default suits a few requests at a time. */
    protected RequestLimiter limiter() {
        return RequestLimiter.defaults();
    }

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
