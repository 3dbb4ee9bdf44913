package org.fleetdesk.api;

/** Loads one page (numbered from 1) of a list endpoint, e.g. {@code page -> client.listDevices(null, page, 100)}. */
@FunctionalInterface
public interface PageLoader<T> {
    Page<T> load(int page);
}
