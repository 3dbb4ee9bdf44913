package org.fleetdesk.rollout;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.ForbiddenException;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.NetworkException;
import org.fleetdesk.api.RateLimitedException;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.api.ServerErrorException;
import org.fleetdesk.api.UnauthorizedException;

/**
 * Creates one target's deployment. The intent is journalled before the POST; the POST is never repeated blindly:
 * a 429 (nothing was done) waits as the server asks, with every request of the organisation (the shared limiter);
 * a 5xx or a lost answer is first reconciled with the device's deployment list, and sent again only if it was not
 * made. 403 (billing) and 401 halt the whole rollout at once with the server's message; other refusals (the device
 * was deleted, …) mark only this target as refused.
 */
final class RolloutExecutor {
    static final int MAX_ATTEMPTS = 6;

    private final RolloutLedger ledger;
    private final RolloutMonitor monitor;
    private final ConnectClient client;
    private final RequestLimiter limiter;
    private final Reconciler reconciler;
    private final ServerClock serverClock;
    private final String artefactId;
    private final LongSupplier clock;
    private final RetryPolicy backoff = RetryPolicy.defaults();

    RolloutExecutor(RolloutLedger ledger, RolloutMonitor monitor, ConnectClient client, RequestLimiter limiter,
                    Reconciler reconciler, ServerClock serverClock, String artefactId, LongSupplier clock) {
        this.ledger = ledger;
        this.monitor = monitor;
        this.client = client;
        this.limiter = limiter;
        this.reconciler = reconciler;
        this.serverClock = serverClock;
        this.artefactId = artefactId;
        this.clock = clock;
    }

    void create(TargetState target) {
        if (!ledger.beginSend(target)) {
            return;
        }
        try {
            createNow(target);
        } finally {
            ledger.endSend();
        }
    }

    private void createNow(TargetState target) {
        for (int attempt = 1; ; attempt++) {
            long intentAt = clock.getAsLong();
            if (!ledger.markSending(target, intentAt)) {
                return;
            }
            ApiException failure;
            long retryAfter = -1;
            try {
                Deployment deployment = client.createDeployment(target.deviceId, artefactId);
                long answeredAt = clock.getAsLong();
                if (deployment.createdAt() != null) {
                    serverClock.observe(answeredAt, deployment.createdAt());
                }
                created(target, deployment, answeredAt);
                return;
            } catch (ForbiddenException | UnauthorizedException e) {
                ledger.notSent(target);
                ledger.halt(e);
                return;
            } catch (RateLimitedException e) {
                ledger.notSent(target);
                failure = e;
                retryAfter = e.retryAfterMillis();
            } catch (NetworkException e) {
                failure = e;
                if (!e.requestMayHaveBeenSent()) {
                    ledger.notSent(target);
                } else if (reconciled(target, intentAt)) {
                    return;
                }
            } catch (ServerErrorException e) {
                failure = e;
                retryAfter = e.retryAfterMillis();
                if (reconciled(target, intentAt)) {
                    return;
                }
            } catch (ApiException | InvalidInputException e) {
                ledger.finish(target, TargetStatus.REFUSED, RolloutLedger.describe(e));
                return;
            }
            if (target.status == TargetStatus.SENDING) {
                return;
            }
            if (attempt >= MAX_ATTEMPTS) {
                ledger.halt(failure);
                return;
            }
            if (!waitBeforeRetry(attempt, retryAfter) || !ledger.beginRetry(target)) {
                return;
            }
        }
    }

    /**
     * True when the uncertain create turned out to be made (now recorded); false when it was not (the target is back
     * to waiting). If the API cannot tell, the target stays "sending" for a later resume and the rollout halts.
     */
    private boolean reconciled(TargetState target, long intentAt) {
        Optional<Deployment> made;
        try {
            made = reconciler.made(target.deviceId, intentAt);
        } catch (ApiException e) {
            ledger.halt(e);
            return false;
        }
        if (made.isPresent()) {
            created(target, made.get(), null);
            return true;
        }
        ledger.notSent(target);
        return false;
    }

    private void created(TargetState target, Deployment deployment, Long answeredAt) {
        if (ledger.created(target, deployment, answeredAt).isWatched()) {
            monitor.watch(target);
        }
    }

    private boolean waitBeforeRetry(int attempt, long retryAfterMillis) {
        if (retryAfterMillis >= 0 && limiter != null) {
            limiter.pauseFor(Duration.ofMillis(retryAfterMillis));
        }
        try {
            Thread.sleep(backoff.delayBefore(attempt, retryAfterMillis).toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
