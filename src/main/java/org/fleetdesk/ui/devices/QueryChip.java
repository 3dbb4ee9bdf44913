package org.fleetdesk.ui.devices;

import org.fleetdesk.query.Folding;
import org.fleetdesk.query.Qualifier;

/** One applied filter in the search bar ({@code model: 5}). */
public record QueryChip(Qualifier qualifier, String value) {
    public String label() {
        return qualifier.key() + ": " + value;
    }

    /** Qualifier values compare without ASCII case, as the search does. */
    public boolean sameFilter(Qualifier otherQualifier, String otherValue) {
        return qualifier == otherQualifier && Folding.value(value).equals(Folding.value(otherValue));
    }
}
