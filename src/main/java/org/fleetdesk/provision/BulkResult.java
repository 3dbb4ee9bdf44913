package org.fleetdesk.provision;

import java.util.List;

/** The outcome of every name of a bulk run, in the order the names were given. */
public record BulkResult<T>(List<Outcome<T>> outcomes) {
    public BulkResult {
        outcomes = List.copyOf(outcomes);
    }

    public List<Outcome<T>> succeeded() {
        return with(Outcome.Status.SUCCEEDED);
    }

    public List<Outcome<T>> failed() {
        return with(Outcome.Status.FAILED);
    }

    public List<Outcome<T>> notStarted() {
        return with(Outcome.Status.NOT_STARTED);
    }

    public boolean allSucceeded() {
        return outcomes.stream().allMatch(Outcome::succeeded);
    }

    /** The created resources, in order. */
    public List<T> values() {
        return succeeded().stream().map(Outcome::value).toList();
    }

    private List<Outcome<T>> with(Outcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }
}
