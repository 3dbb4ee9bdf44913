package org.fleetdesk.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fleetdesk.AppPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Configures logging exactly as the application does ({@link LoggingConfigurator}), into a temporary FLEETDESK_HOME. */
class LogFileRedactionTest {
    private static final String TOKEN = "rporg_L0gT3stT0k3nVa1ue";
    private static final String AUTH_KEY_SECRET = "rpoak_S3cretOfAnAuthKey";
    private static final String UNPREFIXED_TOKEN = "d3mo5essionT0ken";

    @TempDir
    Path home;
    private String previousHome;
    private PrintStream previousErr;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void configureLikeTheApplication() throws Exception {
        previousHome = System.getProperty(AppPaths.HOME_VARIABLE);
        previousErr = System.err;
        System.setProperty(AppPaths.HOME_VARIABLE, home.toString());
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        LoggingConfigurator.configure(context, AppPaths.logs());
    }

    @AfterEach
    void restoreTestLogging() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        System.setErr(previousErr);
        if (previousHome == null) {
            System.clearProperty(AppPaths.HOME_VARIABLE);
        } else {
            System.setProperty(AppPaths.HOME_VARIABLE, previousHome);
        }
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void logFileAndConsoleHoldNoTokenNoSecretNoPrivateKey() throws Exception {
        Logger log = LoggerFactory.getLogger("org.fleetdesk.sync.FleetSync");
        log.info("connecting with token {}", TOKEN);
        log.info("request header Authorization: Bearer {}", UNPREFIXED_TOKEN);
        log.info("created auth key {\"id\":\"k1\",\"secret\":\"" + AUTH_KEY_SECRET + "\"}");
        log.info("identity key:\n{}", RedactorTest.PEM);
        log.warn("refused: {}", "Authorization: Bearer " + TOKEN);
        log.error("sync failed", new IllegalStateException("call with " + TOKEN + " failed"));
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();

        Path logs = Logging.logsFolder();
        assertTrue(logs.startsWith(home), "the logs folder follows FLEETDESK_HOME: " + logs);
        List<Path> files;
        try (Stream<Path> listing = Files.list(logs)) {
            files = listing.toList();
        }
        assertTrue(files.contains(logs.resolve(Logging.FILE_NAME)), "log file written: " + files);
        StringBuilder everything = new StringBuilder(console.toString(StandardCharsets.UTF_8));
        for (Path file : files) {
            everything.append(Files.readString(file));
        }
        String written = everything.toString();
        assertTrue(written.contains("connecting with token <redacted>"), written);
        assertTrue(written.contains("sync failed") && written.contains("IllegalStateException: call with <redacted> failed"), written);
        for (String secret : List.of(TOKEN, "L0gT3st", AUTH_KEY_SECRET, "S3cretOf", UNPREFIXED_TOKEN, "MHcCAQEE")) {
            assertFalse(written.contains(secret), "'" + secret + "' reached a log:\n" + written);
        }
        String consoleText = console.toString(StandardCharsets.UTF_8);
        assertTrue(consoleText.contains("WARN: refused: Authorization: Bearer <redacted>"), consoleText);
        assertFalse(consoleText.contains("connecting with token"), "INFO stays out of the console");
    }
}
