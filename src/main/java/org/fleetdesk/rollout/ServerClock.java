package org.fleetdesk.rollout;

import java.time.Instant;

/**
 * The API's clock as seen from here, learnt from the {@code created_at} of deployments in the answers to creating
 * them (the server's "now" when it answered). Ages of deployments and timeouts are measured on it, so a simulator
 * whose time runs faster is polled proportionally faster, and a real service exactly as the plan says. Until two
 * answers lie {@value #MIN_SPAN_SECONDS} API seconds apart, the rate is taken to be 1. Thread-safe.
 */
final class ServerClock {
    static final double MIN_SPAN_SECONDS = 20;

    private long firstLocal;
    private Instant firstServer;
    private long lastLocal;
    private Instant lastServer;

    /** {@code server}, the API's time, was current at {@code localMillis} (this machine's epoch milliseconds). */
    synchronized void observe(long localMillis, Instant server) {
        if (firstServer == null || localMillis < firstLocal) {
            firstLocal = localMillis;
            firstServer = server;
        }
        if (lastServer == null || localMillis >= lastLocal) {
            lastLocal = localMillis;
            lastServer = server;
        }
    }

    /** API seconds per local second. */
    synchronized double rate() {
        if (firstServer == null) {
            return 1;
        }
        double serverSpan = (lastServer.toEpochMilli() - firstServer.toEpochMilli()) / 1000.0;
        double localSpan = (lastLocal - firstLocal) / 1000.0;
        return serverSpan >= MIN_SPAN_SECONDS && localSpan > 0 ? serverSpan / localSpan : 1;
    }

    /** The API's time at {@code localMillis}. */
    synchronized Instant serverTime(long localMillis) {
        if (lastServer == null) {
            return Instant.ofEpochMilli(localMillis);
        }
        return lastServer.plusMillis(Math.round((localMillis - lastLocal) * rate()));
    }

    /** Local milliseconds that {@code serverSeconds} of API time take. */
    long localMillis(double serverSeconds) {
        return Math.round(serverSeconds * 1000 / rate());
    }
}
