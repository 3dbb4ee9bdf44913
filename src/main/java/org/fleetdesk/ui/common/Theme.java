package org.fleetdesk.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;

/** Light and dark themes (AtlantaFX Primer) and the operating system's preference where it can be read. */
public enum Theme {
    SYSTEM("Follow the system"), LIGHT("Light"), DARK("Dark");

    private static final String APP_CSS = Theme.class.getResource("/org/fleetdesk/ui/fleetdesk.css").toExternalForm();

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    public static String appStylesheet() {
        return APP_CSS;
    }

    /** Applies the theme to the whole application; SYSTEM must be resolved first with {@link #resolve()}. */
    public void apply() {
        Application.setUserAgentStylesheet(resolve() == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public Theme resolve() {
        return this == SYSTEM ? (osPrefersDark() ? DARK : LIGHT) : this;
    }

    /**
     * JavaFX 21 has no API for the OS colour scheme, so ask the OS the way its own tools do. Runs a short process:
     * call it off the UI thread.
     */
    static boolean osPrefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return output("defaults", "read", "-g", "AppleInterfaceStyle").toLowerCase(Locale.ROOT).contains("dark");
        }
        if (os.contains("win")) {
            return output("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme").contains("0x0");
        }
        return output("gsettings", "get", "org.gnome.desktop.interface", "color-scheme").contains("dark");
    }

    private static String output(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder text = new StringBuilder();
                String line;
                while ((line = reader.readLine()) != null) {
                    text.append(line).append('\n');
                }
                process.waitFor(2, TimeUnit.SECONDS);
                return text.toString();
            }
        } catch (Exception e) {
            return "";
        } 
    }
}
