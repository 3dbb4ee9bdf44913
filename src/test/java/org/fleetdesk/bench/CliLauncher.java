package org.fleetdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** The JVM options the installed {@code fleetdesk-cli} launcher passes, so benchmarks can start the jar the same way. */
final class CliLauncher {
    private static final Path PROPERTIES = Path.of("installer/fleetdesk-cli.properties");

    private CliLauncher() {
    }

    static List<String> javaOptions() throws IOException {
        Properties launcher = new Properties();
        try (InputStream in = Files.newInputStream(PROPERTIES)) {
            launcher.load(in);
        }
        return List.of(launcher.getProperty("java-options").strip().split("\\s+"));
    }
}
