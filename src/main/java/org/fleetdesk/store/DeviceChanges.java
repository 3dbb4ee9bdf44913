package org.fleetdesk.store;

/**
 * What replacing the cached devices did: devices new to the cache, devices rewritten because they changed, and
 * devices removed because the organisation no longer has them.
 */
public record DeviceChanges(int added, int changed, int removed) {
}
