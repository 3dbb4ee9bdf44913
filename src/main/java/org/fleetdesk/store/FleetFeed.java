package org.fleetdesk.store;

/** Writes a sync's results through a {@link FleetWriter}, as they arrive; see {@link FleetStore#replace}. */
@FunctionalInterface
public interface FleetFeed {
    void writeTo(FleetWriter writer);
}
