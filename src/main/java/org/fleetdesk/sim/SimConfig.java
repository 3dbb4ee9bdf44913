package org.fleetdesk.sim;

import java.security.SecureRandom;

/**
 * How a simulator runs: its fleet, its clock and the faults it injects. Build one with {@link #builder()}; every
 * setting has the default of {@code fleetdesk sim}.
 *
 * @param port         TCP port on 127.0.0.1; 0 picks a free one
 * @param devices      size of the generated fleet
 * @param seed         makes the fleet and every random choice of the simulation reproducible
 * @param token        the accepted management token; null generates a random {@code rporg_} token at each start
 * @param speed        simulated time runs this many times faster than real time (device behaviour, key expiry)
 * @param latencyMs    real milliseconds added to every Management API response
 * @param rateLimit    Management API requests per second before answering 429 with {@code Retry-After}; 0 = none
 * @param failRate     fraction of Management API requests answered 500/502/503 without being processed
 * @param offlinePct   percentage of generated devices that are offline (their deployments stay pending)
 * @param trialEnded   the trial is over with no billing: creating a deployment answers 403
 * @param truncateRate fraction of Management API responses (processed normally) whose body is cut off mid-way
 */
public record SimConfig(int port, int devices, long seed, String token, double speed, long latencyMs, int rateLimit,
                        double failRate, double offlinePct, boolean trialEnded, double truncateRate) {

    public static final int DEFAULT_DEVICES = 250;
    public static final double DEFAULT_OFFLINE_PCT = 5;

    public SimConfig {
        requireRange(port, 0, 65535, "port");
        if (devices < 0) {
            throw new IllegalArgumentException("devices must be 0 or more, got " + devices);
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latency must be 0 ms or more, got " + latencyMs);
        }
        if (rateLimit < 0) {
            throw new IllegalArgumentException("rate limit must be 0 (none) or more requests per second, got " + rateLimit);
        }
        requireFraction(failRate, "fail rate");
        requireFraction(truncateRate, "truncate rate");
        if (!(offlinePct >= 0 && offlinePct <= 100)) {
            throw new IllegalArgumentException("offline percentage must be between 0 and 100, got " + offlinePct);
        }
        if (token != null && !token.startsWith("rporg_")) {
            throw new IllegalArgumentException("the token must start with rporg_ like a management API access token");
        }
    }

    public static SimConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().port(port).devices(devices).seed(seed).token(token).speed(speed).latencyMs(latencyMs)
                .rateLimit(rateLimit).failRate(failRate).offlinePct(offlinePct).trialEnded(trialEnded)
                .truncateRate(truncateRate);
    }

    @Override
    public String toString() {
        return "SimConfig[port=" + port + ", devices=" + devices + ", seed=" + seed + ", token="
                + (token == null ? "generated" : "<redacted>") + ", speed=" + speed + ", latencyMs=" + latencyMs
                + ", rateLimit=" + rateLimit + ", failRate=" + failRate + ", offlinePct=" + offlinePct
                + ", trialEnded=" + trialEnded + ", truncateRate=" + truncateRate + "]";
    }

    private static void requireRange(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void requireFraction(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be a fraction between 0 and 1, got " + value);
        }
    }

    /** Collects settings; unset ones take the {@code fleetdesk sim} defaults and a random seed. */
    public static final class Builder {
        private int port;
        private int devices = DEFAULT_DEVICES;
        private Long seed;
        private String token;
        private double speed = 1;
        private long latencyMs;
        private int rateLimit;
        private double failRate;
        private double offlinePct = DEFAULT_OFFLINE_PCT;
        private boolean trialEnded;
        private double truncateRate;

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder devices(int devices) {
            this.devices = devices;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder speed(double speed) {
            this.speed = speed;
            return this;
        }

        public Builder latencyMs(long latencyMs) {
            this.latencyMs = latencyMs;
            return this;
        }

        public Builder rateLimit(int requestsPerSecond) {
            this.rateLimit = requestsPerSecond;
            return this;
        }

        public Builder failRate(double failRate) {
            this.failRate = failRate;
            return this;
        }

        public Builder offlinePct(double offlinePct) {
            this.offlinePct = offlinePct;
            return this;
        }

        public Builder trialEnded(boolean trialEnded) {
            this.trialEnded = trialEnded;
            return this;
        }

        public Builder truncateRate(double truncateRate) {
            this.truncateRate = truncateRate;
            return this;
        }

        public SimConfig build() {
            long chosenSeed = seed != null ? seed : new SecureRandom().nextLong();
            return new SimConfig(port, devices, chosenSeed, token, speed, latencyMs, rateLimit, failRate, offlinePct,
                    trialEnded, truncateRate);
        }
    }
}
