package org.fleetdesk.provision;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.NetworkException;
import org.fleetdesk.api.NewAuthKey;
import org.fleetdesk.api.NotFoundException;
import org.fleetdesk.api.PageProgress;
import org.fleetdesk.api.RequestLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates auth keys so that a lost answer never leaves a key behind whose secret nobody has. When a create's answer is
 * lost ({@link PostFailure#ANSWER_LOST}), the keys are listed and any key with that description that did not exist
 * when this creator started is deleted, because its secret is unknown; then the key is created again. Keys that
 * existed before (a previous batch with the same names) are never touched: that is why {@link #start} lists the
 * organisation's keys first. Thread-safe, as long as no two threads create keys with the same description.
 */
public final class AuthKeyCreator {
    static final int MAX_ATTEMPTS = 5;
    private static final int LIST_CONCURRENCY = 4;
    private static final Logger LOG = LoggerFactory.getLogger(AuthKeyCreator.class);

    private final ConnectClient client;
    private final Backoff backoff;
    private final Set<String> existingIds;
    private final Map<String, Set<String>> existingIdsByDescription;
    private final AtomicInteger lostAnswers = new AtomicInteger();

    /** A new key (with its secret) and how many answers were lost on the way (0 normally). */
    public record Created(AuthKey key, int lostAnswers) {
        /** What the outcome should mention, or null when the first answer arrived. */
        public String note() {
            return lostAnswers == 0 ? null : "The answer was lost " + (lostAnswers == 1 ? "once" : lostAnswers + " times")
                    + "; any key made then was deleted, because its secret was unknown, and a new one created.";
        }
    }

    private AuthKeyCreator(ConnectClient client, RequestLimiter limiter, List<AuthKey> existing) {
        this.client = client;
        this.backoff = new Backoff(limiter);
        this.existingIds = existing.stream().map(AuthKey::id).collect(Collectors.toUnmodifiableSet());
        this.existingIdsByDescription = existing.stream().filter(k -> k.description() != null)
                .collect(Collectors.groupingBy(AuthKey::description,
                        Collectors.mapping(AuthKey::id, Collectors.toUnmodifiableSet())));
    }

    /**
     * Lists the organisation's keys (one request per 100 keys, a few at a time) and returns a creator that reconciles against them.
     * {@code limiter} is the client's, so that a Retry-After slows every worker; null when it is not shared.
     */
    public static AuthKeyCreator start(ConnectClient client, RequestLimiter limiter) {
        return new AuthKeyCreator(client, limiter, allKeys(client));
    }

    /** The keys described {@code description} when this creator started. */
    public Set<String> existingIdsDescribed(String description) {
        return existingIdsByDescription.getOrDefault(description, Set.of());
    }

    /** Creates the key; a refusal (4xx) is thrown as the client threw it, a service that keeps failing as a NetworkException. */
    public Created create(NewAuthKey key) {
        int lost = 0;
        ApiException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                backoff.before(attempt - 1, PostFailure.retryAfterMillis(last));
            }
            try {
                return new Created(client.createAuthKey(key), lost);
            } catch (ApiException e) {
                PostFailure failure = PostFailure.of(e);
                if (failure == PostFailure.REFUSED) {
                    throw e;
                }
                last = e;
                if (failure == PostFailure.ANSWER_LOST) {
                    lost++;
                    lostAnswers.incrementAndGet();
                    reconcile(key.description(), e);
                }
            }
        }
        throw new NetworkException("Could not create the auth key \"" + key.description() + "\": " + MAX_ATTEMPTS
                + " attempts failed (last: " + Failures.describe(last) + "). Any key these attempts made was deleted;"
                + " try again later.", false, last);
    }

    /** How many create answers were lost since this creator started, over all threads. */
    public int lostAnswers() {
        return lostAnswers.get();
    }

    /**
     * Deletes the keys described by one of {@code descriptions} that appeared since this creator started, except
     * {@code keep}; returns how many were deleted. A bulk run calls it at the end, after every worker has finished,
     * to catch a key that a list read while other keys were being created could have missed.
     */
    public int deleteOrphans(Collection<String> descriptions, Set<String> keep) {
        Set<String> wanted = Set.copyOf(descriptions);
        List<AuthKey> orphans = allKeys(client).stream()
                .filter(k -> wanted.contains(k.description()) && !existingIds.contains(k.id()) && !keep.contains(k.id()))
                .toList();
        for (AuthKey orphan : orphans) {
            try {
                client.deleteAuthKey(orphan.id());
            } catch (NotFoundException alreadyGone) {
                // deleted by an earlier attempt whose answer was lost: what we wanted
            }
            LOG.info("Deleted auth key {} (\"{}\"): its create answer was lost, so its secret is unknown", orphan.id(),
                    orphan.description());
        }
        return orphans.size();
    }

    private static List<AuthKey> allKeys(ConnectClient client) {
        return client.fetchAllPages(page -> client.listAuthKeys(page, ConnectClient.MAX_PER_PAGE), LIST_CONCURRENCY,
                PageProgress.NONE, () -> false);
    }

    private void reconcile(String description, ApiException lostAnswer) {
        try {
            deleteOrphans(List.of(description), Set.of());
        } catch (ApiException e) {
            throw new NetworkException("The answer to creating the auth key \"" + description + "\" was lost ("
                    + lostAnswer.getMessage() + "), and checking whether it was made failed too (" + e.getMessage()
                    + "). A key with this description may exist whose secret nobody has: delete it (fleetdesk"
                    + " auth-keys list shows it) and create it again.", true, e);
        }
    }
}
