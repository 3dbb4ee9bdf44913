package org.fleetdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code fleetdesk-cli} as the Linux package installs it, for benchmarks that start the jar the way it starts: the
 * launcher's java-options, {@code $APPDIR} being a folder of the benchmark's own, where the class-data archive
 * those options name is recorded the way {@code installer/linux/integrate.sh} records it at install time (a run of
 * {@code sim --self-test} with the runtime's own archive as the base).
 */
final class CliLauncher {
    private static final Path PROPERTIES = Path.of("installer/fleetdesk-cli.properties");
    private static final String ARCHIVE = "fleetdesk-cli.jsa";

    private CliLauncher() {
    }

    /** The launcher's JVM options for starting {@code jar}, with the archive recorded for exactly that path. */
    static List<String> javaOptions(Path jar) throws IOException, InterruptedException {
        Path appDir = Path.of("target", "bench-cli", Integer.toHexString(jar.toString().hashCode()));
        List<String> options = launcherOptions(appDir);
        Path archive = appDir.resolve(ARCHIVE);
        if (!Files.exists(archive) || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0) {
            record(jar, options, archive);
        }
        return options;
    }

    private static List<String> launcherOptions(Path appDir) throws IOException {
        Properties launcher = new Properties();
        try (InputStream in = Files.newInputStream(PROPERTIES)) {
            launcher.load(in);
        }
        return List.of(launcher.getProperty("java-options").replace("$APPDIR", appDir.toString()).strip()
                .split("\\s+"));
    }

    private static void record(Path jar, List<String> options, Path archive) throws IOException, InterruptedException {
        Files.createDirectories(archive.getParent());
        Files.deleteIfExists(archive);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString(), "sim", "--self-test", "--devices", "2000", "--seed", "1"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("_JAVA_OPTIONS", "-XX:SharedArchiveFile="
                + Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa")
                + " -XX:ArchiveClassesAtExit=" + archive);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !Files.exists(archive)) {
            throw new IllegalStateException("Recording the class-data archive failed: " + output);
        }
    }
}
