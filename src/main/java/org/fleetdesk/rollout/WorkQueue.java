package org.fleetdesk.rollout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;

/**
 * The work of a running rollout in two lanes, each served by its own workers so that creating deployments and
 * watching them never starve each other: the send lane holds targets whose deployment is to be created (taken only
 * while sending is open: not while paused or stopping); the watch lane holds urgent jobs (cancels, reconciliation)
 * and polls that fall due at a time. Thread-safe; {@link #close()} releases every waiting worker.
 */
final class WorkQueue {
    private record Timed(long due, long sequence, Runnable job) {
    }

    private final LongSupplier clock;
    private final Deque<TargetState> sends = new ArrayDeque<>();
    private final Deque<Runnable> urgent = new ArrayDeque<>();
    private final PriorityQueue<Timed> timed = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.sequence, b.sequence));
    private boolean sendsOpen = true;
    private boolean closed;
    private long sequence;

    WorkQueue(LongSupplier clock) {
        this.clock = clock;
    }

    synchronized void send(TargetState target) {
        sends.addLast(target);
        notifyAll();
    }

    /** Puts a target taken while sending was closing back at the head of the lane. */
    synchronized void sendAgain(TargetState target) {
        sends.addFirst(target);
        notifyAll();
    }

    synchronized void setSendsOpen(boolean open) {
        sendsOpen = open;
        notifyAll();
    }

    synchronized boolean sendsOpen() {
        return sendsOpen;
    }

    /** Removes every target still waiting to be sent. */
    synchronized List<TargetState> drainSends() {
        List<TargetState> drained = new ArrayList<>(sends);
        sends.clear();
        return drained;
    }

    synchronized void watchNow(Runnable job) {
        urgent.addLast(job);
        notifyAll();
    }

    synchronized void watchAt(long dueMillis, Runnable job) {
        timed.add(new Timed(dueMillis, sequence++, job));
        notifyAll();
    }

    /** The next target to send, waiting while there is none or sending is closed; null once closed. */
    synchronized TargetState takeSend() throws InterruptedException {
        while (!closed) {
            if (sendsOpen && !sends.isEmpty()) {
                return sends.pollFirst();
            }
            wait();
        }
        return null;
    }

    /** The next urgent job, else the next poll that is due, waiting until one is; null once closed. */
    synchronized Runnable takeWatch() throws InterruptedException {
        while (!closed) {
            if (!urgent.isEmpty()) {
                return urgent.pollFirst();
            }
            Timed next = timed.peek();
            long now = clock.getAsLong();
            if (next != null && next.due <= now) {
                return timed.poll().job;
            }
            wait(next == null ? 0 : Math.max(1, next.due - now));
        }
        return null;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
