package org.fleetdesk.store;

import java.time.Instant;
import org.fleetdesk.query.DeviceQuery;

/** A device search kept under a name. */
public record SavedSearch(String name, DeviceQuery query, Instant updatedAt) {
}
