package org.fleetdesk.api;

/** A device's board as reported by Connect client 2.9.0 or later. */
public record Board(String model, String revision, String memory) {
}
