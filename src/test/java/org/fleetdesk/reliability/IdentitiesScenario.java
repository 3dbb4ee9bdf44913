package org.fleetdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.sim.SimConfig;

/**
 * {@code identities register --folder ids --private-keys ids}: 40 device identities, each signed here with its
 * device's private key. After a failed or interrupted run the user runs the same command again.
 */
final class IdentitiesScenario implements Scenario {
    static final List<String> NAMES = IntStream.rangeClosed(1, 40).mapToObj(i -> String.format("id-%02d", i)).toList();

    private final Map<String, String> publicKeys = new TreeMap<>();

    @Override
    public SimConfig.Builder organisation() {
        return SimConfig.builder().devices(10).seed(47);
    }

    @Override
    public long interruptibleLatencyMs() {
        return 60;
    }

    @Override
    public void prepare(Cell cell) throws Exception {
        Path folder = Files.createDirectories(folder(cell));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        for (String name : NAMES) {
            KeyPair pair = generator.generateKeyPair();
            publicKeys.put(name, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            Files.writeString(folder.resolve(name + ".pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(folder.resolve(name + ".key.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        }
    }

    @Override
    public String[] command(Cell cell) {
        return new String[] {"identities", "register", "--folder", folder(cell).toString(), "--private-keys",
                folder(cell).toString(), "--tag", "fleet", "--concurrency", "2", "--format", "json"};
    }

    @Override
    public boolean midRun(Cell cell, String outputSoFar) {
        return cell.organisation().identities().size() >= 6;
    }

    @Override
    public String[] completion(Cell cell) {
        return command(cell);
    }

    @Override
    public void assertComplete(Cell cell) {
        List<DeviceIdentity> identities = cell.organisation().identities();
        Map<String, Long> perName = identities.stream()
                .collect(Collectors.groupingBy(DeviceIdentity::description, TreeMap::new, Collectors.counting()));
        assertEquals(NAMES.stream().collect(Collectors.toMap(n -> n, n -> 1L, (a, b) -> a, TreeMap::new)), perName,
                "every requested identity registered exactly once");
        for (DeviceIdentity identity : identities) {
            assertEquals(publicKeys.get(identity.description()), base64Of(identity.publicKey()),
                    identity.description() + " carries its device's public key");
        }
    }

    @Override
    public String completedOutcome() {
        return "(\\d+) of \\1 device identities done";
    }

    @Override
    public String resumedOutcome() {
        return "Already registered with this key, description, name and tags \\(an earlier run\\): nothing sent";
    }

    private static Path folder(Cell cell) {
        return cell.files.resolve("ids");
    }

    private static String base64Of(String pem) {
        return pem.lines().filter(line -> !line.startsWith("-----")).map(String::strip).collect(Collectors.joining());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
