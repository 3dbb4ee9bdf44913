package org.fleetdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fleetdesk.api.Json;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void servesInTheForegroundAndStopsWhenInterrupted() throws Exception {
        PipedWriter pipe = new PipedWriter();
        BufferedReader output = new BufferedReader(new PipedReader(pipe, 1 << 16));
        CommandLine command = FleetdeskCommand.commandLine(CliEnvironment.system()).setOut(new PrintWriter(pipe, true));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread thread = new Thread(() -> exit.complete(command.execute("sim", "--devices", "42", "--seed", "1",
                "--speed", "2", "--offline-pct", "10", "--latency-ms", "1")), "sim-command");
        thread.start();

        Matcher listening = LISTENING.matcher(output.readLine());
        assertTrue(listening.matches(), "first line says where it listens");
        int port = Integer.parseInt(listening.group(1));
        String tokenLine = output.readLine();
        assertTrue(tokenLine.matches("token: rporg_[A-Za-z0-9]{40}"), "second line gives the token");
        String token = tokenLine.substring("token: ".length());

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> devices = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/organisation/devices")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, devices.statusCode());
        assertEquals(42, Json.mapper().readTree(devices.body()).path("meta").path("total_count").asInt());

        thread.interrupt();
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        assertThrows(ConnectException.class, () -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port + "/organisation/devices")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void usesTheGivenTokenAndPort() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        PipedWriter pipe = new PipedWriter();
        BufferedReader output = new BufferedReader(new PipedReader(pipe, 1 << 16));
        CommandLine command = FleetdeskCommand.commandLine(CliEnvironment.system()).setOut(new PrintWriter(pipe, true));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread thread = new Thread(() -> exit.complete(command.execute("sim", "--port", Integer.toString(port),
                "--token", "rporg_given", "--devices", "3", "--trial-ended", "--rate-limit", "100", "--fail-rate", "0",
                "--truncate-rate", "0")), "sim-command");
        thread.start();
        assertEquals("listening on http://127.0.0.1:" + port, output.readLine());
        assertEquals("token: rporg_given", output.readLine());
        thread.interrupt();
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
    }

    @Test
    void refusesImpossibleOptionsWithExitCode2() throws IOException {
        for (String[] args : new String[][] {{"sim", "--fail-rate", "2"}, {"sim", "--speed", "0"},
                {"sim", "--token", "not-a-token"}, {"sim", "--devices", "many"}}) {
            StringWriter err = new StringWriter();
            int code = FleetdeskCommand.commandLine(CliEnvironment.system()).setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()))
                    .execute(args);
            assertEquals(2, code, String.join(" ", args));
            assertTrue(!err.toString().isBlank(), "says what is wrong");
        }
    }

    @Test
    void helpListsEveryOption() {
        StringWriter out = new StringWriter();
        FleetdeskCommand.commandLine(CliEnvironment.system()).setOut(new PrintWriter(out)).execute("sim", "--help");
        for (String option : new String[] {"--port", "--devices", "--seed", "--token", "--speed", "--latency-ms",
                "--rate-limit", "--fail-rate", "--offline-pct", "--trial-ended", "--truncate-rate", "--self-test"}) {
            assertTrue(out.toString().contains(option), option);
        }
    }

    @Test
    void theSelfTestRunsTheEverydayCommandsAgainstItselfAndLeavesNothingBehind() throws IOException {
        java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("self-test-tmp");
        String previousTmp = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        StringWriter out = new StringWriter();
        int exit;
        try {
            exit = FleetdeskCommand.commandLine(CliEnvironment.system()).setOut(new PrintWriter(out))
                    .execute("sim", "--self-test", "--devices", "300", "--seed", "3");
        } finally {
            System.setProperty("java.io.tmpdir", previousTmp);
        }

        assertEquals(0, exit, out.toString());
        for (java.util.List<String> command : SelfTest.COMMANDS) {
            assertTrue(out.toString().contains("ok      fleetdesk " + String.join(" ", command)), out.toString());
        }
        assertTrue(out.toString().contains("Self-test passed: 7 commands"), out.toString());
        try (java.util.stream.Stream<java.nio.file.Path> left = java.nio.file.Files.list(tmp)) {
            assertEquals(java.util.List.of(), left.filter(p -> p.getFileName().toString().startsWith("fleetdesk-self-test"))
                    .toList(), "the temporary home is deleted");
        }
    }

    @Test
    void theSelfTestSaysWhichCommandFailed() throws IOException {
        StringWriter out = new StringWriter();
        int exit;
        try (org.fleetdesk.sim.SimServer failing = org.fleetdesk.sim.SimServer.start(org.fleetdesk.sim.SimConfig.builder()
                .devices(50).seed(3).failRate(1).build())) {
            exit = SelfTest.run(failing, new PrintWriter(out), org.fleetdesk.api.RetryPolicy.none());
        }

        assertEquals(1, exit, out.toString());
        assertTrue(out.toString().contains("FAILED  fleetdesk devices sync (exit 6)"), out.toString());
        assertTrue(out.toString().contains("ok      fleetdesk activity"), out.toString());
        assertTrue(out.toString().contains("Self-test failed: 6 of 7 commands."), out.toString());
    }
}
