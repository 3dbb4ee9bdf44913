package org.fleetdesk.api;

/**
 * Hears the outcome of every request that changes the organisation (everything but GET), once, after retries: the
 * activity journal is built on it. {@code responseBody} is null on failure; it may hold a one-time secret, so an
 * observer must pick out only the fields it needs.
 */
@FunctionalInterface
public interface ChangeObserver {
    ChangeObserver NONE = (method, path, requestBody, status, responseBody, failure) -> { };

    void changed(String method, String path, byte[] requestBody, int status, byte[] responseBody, ApiException failure);
}
