package org.fleetdesk.provision;

import org.fleetdesk.api.NewDeviceIdentity;

/**
 * One device identity of a bulk registration: {@code name} is the base name of its public key file
 * ({@code pi5-001.pem} → {@code pi5-001}), which finds its private key ({@code pi5-001.key.pem}) or its signature.
 */
public record IdentityEntry(String name, NewDeviceIdentity identity) {
}
