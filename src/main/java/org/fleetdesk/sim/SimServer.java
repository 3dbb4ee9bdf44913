package org.fleetdesk.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running simulator: the Management API of one generated organisation on {@code http://127.0.0.1:PORT}, plus the
 * device-side {@code /_sim/} endpoints. Start one with {@link #start(SimConfig)}; stop it with {@link #stop()}
 * and, to simulate a restart, serve it again with {@link #restart()}.
 */
public final class SimServer implements AutoCloseable {
    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int TOKEN_LENGTH = 40;
    private static final int WORKERS = 32;
    private static final int WORKERS_WITH_LATENCY = 128;

    private final SimConfig config;
    private final String token;
    private final Organisation organisation;
    private final HttpServer server;
    private final ExecutorService workers;
    private final int port;

    private SimServer(SimConfig config, String token, Organisation organisation, HttpServer server,
                      ExecutorService workers, int port) {
        this.config = config;
        this.token = token;
        this.organisation = organisation;
        this.server = server;
        this.workers = workers;
        this.port = port;
    }

    /** Generates the organisation and serves it; returns once the server accepts requests. */
    public static SimServer start(SimConfig config) throws IOException {
        // Without TCP_NODELAY, small keep-alive responses wait for the client's delayed ACK (~40 ms each).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        String token = config.token() != null ? config.token() : randomToken();
        return serve(config, token, new Organisation(config, new SimClock(config.speed())), config.port());
    }

    /**
     * After {@link #stop()}: serves the same organisation (its devices, keys, deployments and clock, which kept
     * running) with the same token on the same port, as a service restarted under its clients looks to them.
     */
    public SimServer restart() throws IOException {
        return serve(config, token, organisation, port);
    }

    private static SimServer serve(SimConfig config, String token, Organisation organisation, int port)
            throws IOException {
        InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, port), 1024);
        // Added latency is slept on a worker thread, so more workers keep parallel clients from queueing behind it.
        ExecutorService workers = Executors.newFixedThreadPool(config.latencyMs() > 0 ? WORKERS_WITH_LATENCY : WORKERS,
                daemonThreads());
        server.setExecutor(workers);
        server.createContext("/", new ApiHandler(token, new Router(organisation), new Faults(config)));
        startAsDaemon(server);
        return new SimServer(config, token, organisation, server, workers, server.getAddress().getPort());
    }

    /** The server's dispatcher thread inherits its starter's daemon flag: a server left running never keeps the JVM alive. */
    private static void startAsDaemon(HttpServer server) throws IOException {
        Thread starter = new Thread(server::start, "sim-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            throw new InterruptedIOException("interrupted while starting the simulator");
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The management token the server accepts ({@code rporg_…}). */
    public String token() {
        return token;
    }

    public SimConfig config() {
        return config;
    }

    /** The organisation being served, for reading its state (and driving the simulation) without HTTP. */
    public Organisation organisation() {
        return organisation;
    }

    public void stop() {
        server.stop(0);
        workers.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "SimServer[" + baseUrl() + ", " + organisation.deviceCount() + " devices]";
    }

    private static String randomToken() {
        SecureRandom random = new SecureRandom();
        StringBuilder token = new StringBuilder("rporg_");
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return token.toString();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sim-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
