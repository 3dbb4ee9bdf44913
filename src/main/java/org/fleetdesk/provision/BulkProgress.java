package org.fleetdesk.provision;

/**
 * Hears each finished name of a bulk run. Calls come from worker threads, one at a time and in the order the names
 * finish, with {@code done} counting up to {@code total}.
 */
@FunctionalInterface
public interface BulkProgress<T> {
    BulkProgress<Object> NONE = (done, total, latest) -> {
    };

    void finished(int done, int total, Outcome<T> latest);

    @SuppressWarnings("unchecked")
    static <T> BulkProgress<T> none() {
        return (BulkProgress<T>) NONE;
    }
}
