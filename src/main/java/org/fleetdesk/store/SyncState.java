package org.fleetdesk.store;

import java.time.Instant;

/** When {@code resource} was last replaced by a complete copy from the API, and how many items that copy had. */
public record SyncState(CachedResource resource, Instant lastFullSync, int count) {
}
