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
    private RequestLimiter limiter;

    @Override
    public final Integer call() {
        CliEnvironment environment = environment();
        settings = Connection.resolve(connection.profile, environment);
        limiter = limiter();
        try (ConnectClient client = Connection.open(settings, environment, limiter)) {
            return run(client);
        }
    }

    /** The limiter every request of this command shares; commands that run many requests at once size their own. */
    protected RequestLimiter limiter() {
        return RequestLimiter.defaults();
    }

    /** The connection this command runs with (set before {@link #run}). */
    protected Connection.Settings settings() {
        return settings;
    }

    protected RequestLimiter sharedLimiter() {
        return limiter;
    }

    /** Does the work; returns the exit code. */
    protected abstract int run(ConnectClient client);

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
