package org.fleetdesk.cli;

/** How resources are printed: an aligned table for people, or the API's own JSON for scripts. */
enum OutputFormat {
    TABLE, JSON
}
