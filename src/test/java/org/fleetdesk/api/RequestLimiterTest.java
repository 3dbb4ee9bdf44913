package org.fleetdesk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestLimiterTest {
    @Test
    void neverMoreThanMaxConcurrentPermitsAreOut() throws Exception {
        RequestLimiter limiter = RequestLimiter.create(10_000, 2);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                futures.add(pool.submit(() -> {
                    RequestLimiter.Permit permit = limiter.acquire();
                    try {
                        maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        Thread.sleep(2);
                        inFlight.decrementAndGet();
                    } finally {
                        permit.close();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, maxSeen.get());
    }

    @Test
    void requestsBeyondOneSecondsBurstWaitForTheRate() throws Exception {
        RequestLimiter limiter = RequestLimiter.create(20, 4);
        long start = System.nanoTime();

        for (int i = 0; i < 30; i++) {
            limiter.acquire().close();
        }

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 450, "10 requests beyond the burst at 20/s took only " + elapsedMillis + " ms");
    }

    @Test
    void aPauseHoldsBackEveryThreadSharingTheLimiter() throws Exception {
        RequestLimiter limiter = RequestLimiter.create(1000, 4);
        limiter.pauseFor(Duration.ofMillis(300));
        long start = System.nanoTime();
        Thread other = new Thread(() -> {
            try {
                limiter.acquire().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        other.start();
        other.join();

        assertTrue((System.nanoTime() - start) / 1_000_000 >= 290);
    }

    @Test
    void closingAPermitTwiceReleasesOnlyOnce() throws Exception {
        RequestLimiter limiter = RequestLimiter.create(1000, 1);
        RequestLimiter.Permit permit = limiter.acquire();
        permit.close();
        permit.close();

        RequestLimiter.Permit next = limiter.acquire();
        Thread blocked = new Thread(() -> {
            try {
                limiter.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        blocked.start();
        blocked.join(200);
        assertTrue(blocked.isAlive(), "a second permit must not be available while one is out");
        blocked.interrupt();
        next.close();
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RequestLimiter.create(0, 1));
        assertThrows(IllegalArgumentException.class, () -> RequestLimiter.create(5, 0));
    }
}
