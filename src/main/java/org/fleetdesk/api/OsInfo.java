package org.fleetdesk.api;

/** The operating system a device reports (the API's {@code os} object). */
public record OsInfo(String name, String version) {
}
