package org.fleetdesk.rollout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a run's listeners how it progresses, on the driver's thread: after a change, at most once a tick, and once more
 * at the end; journals the counts as a sample at most once a second (the rollout's history chart), and at the end.
 */
final class ProgressReporter {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);
    private static final long SAMPLE_MILLIS = 1000;

    private final RolloutLedger ledger;
    private final RolloutJournal journal;
    private final List<RolloutListener> listeners = new CopyOnWriteArrayList<>();
    private long lastSample;

    ProgressReporter(RolloutLedger ledger, RolloutJournal journal) {
        this.ledger = ledger;
        this.journal = journal;
    }

    void addListener(RolloutListener listener) {
        listeners.add(listener);
    }

    void removeListener(RolloutListener listener) {
        listeners.remove(listener);
    }

    /** On every tick of the driver. */
    void report(long now) {
        RolloutLedger.Changes changes = ledger.takeChanges(now - lastSample >= SAMPLE_MILLIS);
        if (changes == null) {
            return;
        }
        RolloutProgress progress = changes.progress();
        if (changes.sample()) {
            lastSample = now;
            journal.addSample(ledger.id(), progress.at(), progress.counts());
        }
        publish(progress);
    }

    /** Once the workers have stopped: the last progress, journalled and told. */
    RolloutProgress reportEnd() {
        RolloutProgress last = ledger.progress(true);
        try {
            journal.addSample(ledger.id(), last.at(), last.counts());
        } catch (RuntimeException e) {
            LOG.warn("Rollout {}: could not journal the last sample: {}", ledger.id(), e.getMessage());
        }
        publish(last);
        return last;
    }

    private void publish(RolloutProgress progress) {
        for (RolloutListener listener : listeners) {
            try {
                listener.onProgress(progress);
            } catch (RuntimeException e) {
                LOG.warn("A rollout listener failed", e);
            }
        }
    }
}
