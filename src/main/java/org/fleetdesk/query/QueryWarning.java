package org.fleetdesk.query;

/**
 * Something in a query that probably does not do what was meant. The query still runs. {@code term} is the term as
 * typed (to highlight it), or empty when the warning is about the whole query.
 */
public record QueryWarning(String term, String message) {
    @Override
    public String toString() {
        return message;
    }
}
