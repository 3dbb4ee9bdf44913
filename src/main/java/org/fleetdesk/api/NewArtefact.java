package org.fleetdesk.api;

/** The body of "create an artefact". */
public record NewArtefact(String name, String uri, String checksum) {
}
