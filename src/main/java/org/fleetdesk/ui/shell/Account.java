package org.fleetdesk.ui.shell;

import org.fleetdesk.secrets.Profile;

/** An entry of the account switcher: a saved organisation, or the demo (profile null). */
public record Account(String label, Profile profile) {
    public static Account demo() {
        return new Account(SessionFactory.DEMO_NAME, null);
    }

    public static Account of(Profile profile) {
        return new Account(profile.name(), profile);
    }

    public boolean isDemo() {
        return profile == null;
    }

    @Override
    public String toString() {
        return label;
    }
}
