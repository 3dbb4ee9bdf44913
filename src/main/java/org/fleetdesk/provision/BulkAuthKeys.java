package org.fleetdesk.provision;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.NewAuthKey;
import org.fleetdesk.api.NotFoundException;
import org.fleetdesk.api.RequestLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates many auth keys at once: up to {@link #concurrency()} at a time through the organisation's shared
 * {@link RequestLimiter}, each saved by a {@link SecretSink} as soon as it exists, every lost answer reconciled by
 * {@link AuthKeyCreator}. One failure does not stop the others; each name gets an {@link Outcome}.
 */
public final class BulkAuthKeys {
    private static final Logger LOG = LoggerFactory.getLogger(BulkAuthKeys.class);

    private final ConnectClient client;
    private final RequestLimiter limiter;
    private final int concurrency;

    /** {@code limiter} must be the one {@code client} was built with; it also sets the concurrency. */
    public BulkAuthKeys(ConnectClient client, RequestLimiter limiter) {
        this(client, limiter, limiter.maxConcurrent());
    }

    private BulkAuthKeys(ConnectClient client, RequestLimiter limiter, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.client = client;
        this.limiter = limiter;
        this.concurrency = concurrency;
    }

    /** At most {@code concurrency} keys in progress at once (the limiter may still allow fewer requests). */
    public BulkAuthKeys withConcurrency(int concurrency) {
        return new BulkAuthKeys(client, limiter, concurrency);
    }

    public int concurrency() {
        return concurrency;
    }

    /**
     * Creates the plan's keys. {@code sink} may be null (the secrets stay in the outcomes only). Lists the existing
     * keys first; if that fails, nothing is created and the failure is thrown.
     */
    public BulkResult<AuthKey> create(AuthKeyPlan plan, SecretSink sink, BulkProgress<AuthKey> progress,
                                      BooleanSupplier cancelled) {
        AuthKeyCreator creator = AuthKeyCreator.start(client, limiter);
        BulkRunner<NewAuthKey, AuthKey> runner = new BulkRunner<>(concurrency, "fleetdesk-auth-keys");
        BulkResult<AuthKey> result = runner.run(plan.keys(), NewAuthKey::description, key -> {
            if (sink != null) {
                sink.creating(key.description(), creator.existingIdsDescribed(key.description()));
            }
            AuthKeyCreator.Created created = creator.create(key);
            save(sink, key.description(), created.key());
            return Outcome.succeeded(key.description(), created.key(), created.note());
        }, progress, cancelled);
        if (creator.lostAnswers() > 0) {
            sweep(creator, plan, result);
        }
        return result;
    }

    /**
     * Deletes the keys that an interrupted run made but never saved: for each name, the keys so described that were
     * not among the ids recorded before that run asked for its key ({@link KeyFiles#interrupted}). Their secrets are
     * lost, so they could only be duplicates of the keys made next. Returns the names of the keys deleted.
     */
    public List<String> deleteUnsaved(Map<String, Set<String>> interrupted) {
        List<AuthKey> unsaved = client.listAllAuthKeys().stream()
                .filter(k -> k.description() != null && interrupted.containsKey(k.description())
                        && !interrupted.get(k.description()).contains(k.id()))
                .toList();
        for (AuthKey key : unsaved) {
            try {
                client.deleteAuthKey(key.id());
            } catch (NotFoundException alreadyGone) {
                // deleted meanwhile: what we wanted
            }
            LOG.info("Deleted auth key {} (\"{}\"): an interrupted run made it and never saved its secret", key.id(),
                    key.description());
        }
        return unsaved.stream().map(AuthKey::description).sorted().toList();
    }

    private void save(SecretSink sink, String name, AuthKey key) throws IOException {
        if (sink == null) {
            return;
        }
        try {
            sink.save(name, key);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage();
            try {
                client.deleteAuthKey(key.id());
            } catch (ApiException deleteFailed) {
                throw new IOException("The key was created but its secret could not be saved (" + why + "), and"
                        + " deleting it failed (" + deleteFailed.getMessage() + "): delete auth key " + key.id()
                        + " by hand.", e);
            }
            throw new IOException("The secret could not be saved (" + why + "), so the key was deleted again.", e);
        }
    }

    private void sweep(AuthKeyCreator creator, AuthKeyPlan plan, BulkResult<AuthKey> result) {
        Set<String> kept = result.values().stream().map(AuthKey::id).collect(Collectors.toSet());
        try {
            int deleted = creator.deleteOrphans(plan.names(), kept);
            if (deleted > 0) {
                LOG.info("Deleted {} more auth keys whose create answers were lost", deleted);
            }
        } catch (ApiException e) {
            LOG.warn("Could not check for auth keys left by lost answers: {}", e.getMessage());
        }
    }
}
