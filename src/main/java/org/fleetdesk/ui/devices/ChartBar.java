package org.fleetdesk.ui.devices;

import org.fleetdesk.query.Qualifier;

/** One bar of a fleet chart: a qualifier value, how it is labelled, and how many devices of the result have it. */
public record ChartBar(Qualifier qualifier, String value, String label, int count) {
}
