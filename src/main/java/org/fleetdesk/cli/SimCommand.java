package org.fleetdesk.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.sim.SimServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fleetdesk sim}: serves a simulated organisation in the foreground until Ctrl-C. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Run a local simulator of the Connect for Organisations Management API (127.0.0.1 only).",
                "Prints 'listening on http://127.0.0.1:PORT' once it accepts requests, then the token to use.",
                "Stop it with Ctrl-C.",
                "With --self-test it instead runs the everyday commands against itself and exits: a check that this"
                        + " installation works, with no network or token needed."},
        footer = {"", "Example:", "  fleetdesk sim --port 8080 --devices 1000 --seed 42 --latency-ms 25",
                "  fleetdesk sim --self-test"})
public final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 0;

    @Option(names = "--devices", paramLabel = "N", description = "Size of the generated fleet (default: ${DEFAULT-VALUE}).")
    int devices = SimConfig.DEFAULT_DEVICES;

    @Option(names = "--seed", paramLabel = "S", description = "Makes the fleet and every random choice reproducible (default: random).")
    Long seed;

    @Option(names = "--token", paramLabel = "T", description = "The accepted management token, rporg_… (default: generated and printed).")
    String token;

    @Option(names = "--speed", paramLabel = "X", description = "Simulated time runs X times faster (default: ${DEFAULT-VALUE}).")
    double speed = 1;

    @Option(names = "--latency-ms", paramLabel = "L", description = "Milliseconds added to every response (default: ${DEFAULT-VALUE}).")
    long latencyMs = 0;

    @Option(names = "--rate-limit", paramLabel = "R", description = "Requests per second before answering 429 (default: none).")
    int rateLimit = 0;

    @Option(names = "--fail-rate", paramLabel = "F", description = "Fraction of requests answered 500/502/503 (default: ${DEFAULT-VALUE}).")
    double failRate = 0;

    @Option(names = "--truncate-rate", paramLabel = "F", description = "Fraction of responses cut off mid-body (default: ${DEFAULT-VALUE}).")
    double truncateRate = 0;

    @Option(names = "--offline-pct", paramLabel = "P", description = "Percentage of devices that are offline (default: ${DEFAULT-VALUE}).")
    double offlinePct = SimConfig.DEFAULT_OFFLINE_PCT;

    @Option(names = "--trial-ended", description = "The trial is over with no billing: creating a deployment answers 403.")
    boolean trialEnded;

    @Option(names = "--self-test", description = "Sync, search and list the simulated organisation with this"
            + " program's own commands (in a temporary folder), print each outcome, and exit: 0 when all succeeded.")
    boolean selfTest;

    @Override
    public Integer call() throws Exception {
        SimConfig.Builder builder = SimConfig.builder().port(port).devices(devices).token(token).speed(speed)
                .latencyMs(latencyMs).rateLimit(rateLimit).failRate(failRate).truncateRate(truncateRate)
                .offlinePct(offlinePct).trialEnded(trialEnded);
        if (seed != null) {
            builder.seed(seed);
        }
        SimConfig config;
        try {
            config = builder.build();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("fleetdesk sim: " + e.getMessage());
            return 2;
        }
        SimServer server;
        try {
            server = SimServer.start(config);
        } catch (BindException e) {
            spec.commandLine().getErr().println("fleetdesk sim: cannot listen on 127.0.0.1:" + port
                    + " (" + e.getMessage() + "): choose another --port, or 0 for any free one");
            return 2;
        }
        if (selfTest) {
            try (server) {
                return SelfTest.run(server, spec.commandLine().getOut(), RetryPolicy.defaults());
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println("listening on " + server.baseUrl());
        out.println("token: " + server.token());
        out.println("seed: " + config.seed() + ", devices: " + config.devices());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.stop();
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
