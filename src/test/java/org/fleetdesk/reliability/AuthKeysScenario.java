package org.fleetdesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.sim.SimConfig;

/**
 * {@code auth-keys create --names 'fm-{01..40}' --out-dir keys}: 40 keys, each secret in {@code keys/<name>.key}. After
 * a failed or interrupted run the user creates the names that have no key file yet, as the CLI tells them to.
 */
final class AuthKeysScenario implements Scenario {
    static final List<String> NAMES = IntStream.rangeClosed(1, 40).mapToObj(i -> String.format("fm-%02d", i)).toList();

    @Override
    public SimConfig.Builder organisation() {
        return SimConfig.builder().devices(10).seed(43);
    }

    @Override
    public long interruptibleLatencyMs() {
        return 60;
    }

    @Override
    public void prepare(Cell cell) {
    }

    @Override
    public String[] command(Cell cell) {
        return new String[] {"auth-keys", "create", "--names", "fm-{01..40}", "--out-dir", keys(cell).toString(),
                "--tag", "fleet", "--concurrency", "2", "--format", "json"};
    }

    @Override
    public boolean midRun(Cell cell, String outputSoFar) {
        return ours(cell.organisation().authKeys()).size() >= 6;
    }

    @Override
    public String[] completion(Cell cell) throws IOException {
        List<String> missing = NAMES.stream().filter(n -> !Files.exists(keyFile(cell, n))).toList();
        Path list = Files.writeString(cell.files.resolve("missing-names.txt"), String.join("\n", missing) + "\n");
        return new String[] {"auth-keys", "create", "--names-file", list.toString(), "--out-dir",
                keys(cell).toString(), "--tag", "fleet", "--concurrency", "2", "--format", "json"};
    }

    @Override
    public void assertComplete(Cell cell) throws IOException {
        Map<String, List<AuthKey>> byName = ours(cell.organisation().authKeys()).stream()
                .collect(Collectors.groupingBy(AuthKey::description, TreeMap::new, Collectors.toList()));
        assertEquals(NAMES, List.copyOf(byName.keySet()), "a key for every requested name");
        assertEquals(Map.of(), byName.entrySet().stream().filter(e -> e.getValue().size() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size())), "names with more than one key");
        for (String name : NAMES) {
            assertEquals(byName.get(name).get(0).secret() + "\n", Files.readString(keyFile(cell, name)),
                    name + ".key holds the secret of its key");
        }
        try (Stream<Path> files = Files.list(keys(cell))) {
            assertEquals(NAMES.size(), files.count(), "one file per name, nothing else in " + keys(cell));
        }
    }

    @Override
    public String completedOutcome() {
        return "(\\d+) of \\1 auth keys done";
    }

    @Override
    public String resumedOutcome() {
        return completedOutcome();
    }

    private static List<AuthKey> ours(List<AuthKey> keys) {
        return keys.stream().filter(k -> k.description().startsWith("fm-")).toList();
    }

    private static Path keys(Cell cell) {
        return cell.files.resolve("keys");
    }

    private static Path keyFile(Cell cell, String name) {
        return keys(cell).resolve(name + ".key");
    }
}
