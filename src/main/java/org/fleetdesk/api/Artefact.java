package org.fleetdesk.api;

/** A remote update artefact: where devices download it from and its SHA-256 checksum. */
public record Artefact(String id, String name, String uri, String checksum) {
}
