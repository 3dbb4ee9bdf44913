package org.fleetdesk.api;

/**
 * Makes the JVM's default proxy selector, which every {@link ConnectClient} uses, follow the operating system's proxy
 * settings (Windows and macOS network settings, GNOME's) as well as the JVM's own {@code http(s).proxyHost}, which
 * still come first.
 */
public final class SystemProxies {
    static final String PROPERTY = "java.net.useSystemProxies";

    private SystemProxies() {
    }

    /**
     * Call first thing in {@code main}: the JVM reads the setting once, when it creates the default proxy selector. A
     * value given on the command line ({@code -Djava.net.useSystemProxies=false}) is left alone.
     */
    public static void useOperatingSystemSettings() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
