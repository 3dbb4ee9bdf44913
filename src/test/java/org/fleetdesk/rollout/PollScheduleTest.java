package org.fleetdesk.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    @Test
    void whileNothingIsKnownPollsComeQuicklyThenSpreadOut() {
        PollSchedule schedule = new PollSchedule(new DurationModel(), 1800);
        assertEquals(2, schedule.nextAge(0));
        assertEquals(4, schedule.nextAge(2));
        assertEquals(8, schedule.nextAge(4));
        assertEquals(16, schedule.nextAge(8));
        assertEquals(24, schedule.nextAge(16));
    }

    @Test
    void onceLearntPollsWaitForTheQuickestThenFollowTheSpacingThenBackOff() {
        DurationModel durations = new DurationModel();
        for (int seconds = 10; seconds <= 50; seconds++) {
            durations.add(seconds);
        }
        PollSchedule schedule = new PollSchedule(durations, 1800);
        assertEquals(12, schedule.nextAge(0), "the quickest 5% finished within 12 s");
        assertEquals(20, schedule.nextAge(12));
        assertEquals(56, schedule.nextAge(48));
        assertEquals(68, schedule.nextAge(58), "past the 95% mark (48 s) the interval grows");
        assertEquals(1800, schedule.nextAge(1500), "the timeout is looked at when it falls due");
        assertTrue(schedule.isTimedOut(1800));
    }

    /** With device times like the simulator's (7–40 s), few polls per device and a bounded delay to see the end. */
    @Test
    void devicesTakingSevenToFortySecondsNeedAboutThreePolls() {
        DurationModel durations = new DurationModel();
        Random random = new Random(3);
        for (int i = 0; i < 100; i++) {
            durations.add(7 + random.nextDouble() * 33);
        }
        PollSchedule schedule = new PollSchedule(durations, 1800);
        int polls = 0;
        double worstDelay = 0;
        int devices = 10_000;
        for (int i = 0; i < devices; i++) {
            double finish = 7 + random.nextDouble() * 33;
            double age = 0;
            do {
                age = schedule.nextAge(age);
                polls++;
            } while (age < finish);
            worstDelay = Math.max(worstDelay, age - finish);
        }
        assertTrue(polls / (double) devices <= 4, "polls per device: " + polls / (double) devices);
        assertTrue(worstDelay <= PollSchedule.SPACING_SECONDS + 0.001, "worst delay " + worstDelay);
    }

    @Test
    void theServerClockLearnsAFasterRateOnceAnswersAreFarEnoughApart() {
        ServerClock clock = new ServerClock();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(1, clock.rate());
        clock.observe(1_000, start);
        clock.observe(1_100, start.plusSeconds(5));
        assertEquals(1, clock.rate(), "5 API seconds are too few to tell");
        clock.observe(1_500, start.plusSeconds(25));
        assertEquals(50, clock.rate(), 0.001);
        assertEquals(start.plusSeconds(75), clock.serverTime(2_500));
        assertEquals(160, clock.localMillis(8));
    }
}
