package org.fleetdesk.provision;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.IdentityRequest;
import org.fleetdesk.api.RequestLimiter;

/**
 * Registers many device identities at once: each request is frozen, signed ({@link IdentitySigning}) and sent by
 * {@link IdentityRegistrar}, up to {@link #concurrency()} at a time through the organisation's shared limiter. A bad
 * key, a missing signature or a refusal fails that row only; each row gets an {@link Outcome}.
 */
public final class BulkIdentities {
    private final ConnectClient client;
    private final RequestLimiter limiter;
    private final int concurrency;

    /** {@code limiter} must be the one {@code client} was built with; it also sets the concurrency. */
    public BulkIdentities(ConnectClient client, RequestLimiter limiter) {
        this(client, limiter, limiter.maxConcurrent());
    }

    private BulkIdentities(ConnectClient client, RequestLimiter limiter, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.client = client;
        this.limiter = limiter;
        this.concurrency = concurrency;
    }

    public BulkIdentities withConcurrency(int concurrency) {
        return new BulkIdentities(client, limiter, concurrency);
    }

    public int concurrency() {
        return concurrency;
    }

    public BulkResult<DeviceIdentity> register(List<IdentityEntry> entries, IdentitySigning signing,
                                               BulkProgress<DeviceIdentity> progress, BooleanSupplier cancelled) {
        IdentityRegistrar registrar = new IdentityRegistrar(client, limiter);
        BulkRunner<IdentityEntry, DeviceIdentity> runner = new BulkRunner<>(concurrency, "fleetdesk-identities");
        return runner.run(entries, IdentityEntry::name, entry -> {
            IdentityRequest request = client.prepareDeviceIdentity(entry.identity());
            IdentityRegistrar.Registered registered = registrar.register(request,
                    signing.signatureFor(entry.name(), request));
            return Outcome.succeeded(entry.name(), registered.identity(), registered.note());
        }, progress, cancelled);
    }
}
