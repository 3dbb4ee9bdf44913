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

    private final RolloutRun run;
    private final ConnectClient client;
    private final RequestLimiter limiter;
    private final Reconciler reconciler;
    private final ServerClock serverClock;
    private final LongSupplier clock;
    private final RetryPolicy backoff = RetryPolicy.defaults();

    RolloutExecutor(RolloutRun run, ConnectClient client, RequestLimiter limiter, Reconciler reconciler, ServerClock serverClock, LongSupplier clock) {
        this.run = run;
        this.client = client;
        this.limiter = limiter;
        this.reconciler = reconciler;
        this.serverClock = serverClock;
        this.clock = clock;
    }

    void create(TargetState target) {
        if (!run.beginSend(target)) {
            return;
        }
        try {
            createNow(target);
        } finally {
            run.endSend();
        }
    }

    private void createNow(TargetState target) {
        for (int attempt = 1; ; attempt++) {
            long intentAt = clock.getAsLong();
            if (!run.markSending(target, intentAt)) {
                return;
            }
            ApiException failure;
            long retryAfter = -1;
            try {
                Deployment deployment = client.createDeployment(target.deviceId, run.artefactId());
                long answeredAt = clock.getAsLong();
                if (deployment.createdAt() != null) {
                    serverClock.observe(answeredAt, deployment.createdAt());
                }
                run.created(target, deployment, answeredAt);
                return;
            } catch (ForbiddenException | UnauthorizedException e) {
                run.notSent(target);
                run.halt(e);
                return;
            } catch (RateLimitedException e) {
                run.notSent(target);
                failure = e;
                retryAfter = e.retryAfterMillis();
            } catch (NetworkException e) {
                failure = e;
                if (!e.requestMayHaveBeenSent()) {
                    run.notSent(target);
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
                run.refused(target, refusal(e));
                return;
            }
            if (target.status == TargetStatus.SENDING) {
                return;
            }
            if (attempt >= MAX_ATTEMPTS) {
                run.halt(failure);
                return;
            }
            if (!waitBeforeRetry(attempt, retryAfter) || !run.beginRetry(target)) {
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
            run.halt(e);
            return false;
        }
        if (made.isPresent()) {
            run.created(target, made.get(), null);
            return true;
        }
        run.notSent(target);
        return false;
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

    private static String refusal(RuntimeException e) {
        if (e instanceof ApiException api && api.serverMessage() != null) {
            return api.serverMessage() + " (HTTP " + api.status() + ")";
        }
        return e.getMessage();
    }
}
