package org.fleetdesk.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.fleetdesk.api.Board;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.OsInfo;

/**
 * A realistic, seeded fleet for tests and benchmarks: names like {@code kiosk-leeds-014}, 16-hex serials, the usual
 * model mix (with {@code 3b+}), memory consistent with the model, Raspberry Pi OS 12/13, 0–4 tags from a skewed
 * vocabulary plus rare one-off asset tags, ~10% old clients, and a few names with capitals, spaces and accents.
 */
public final class TestFleet {
    public static final List<String> TAGS = List.of("production", "staging", "kiosk", "point-of-sale", "london",
            "leeds", "manchester", "signage", "warehouse", "lab", "canary", "edge", "reception", "york");
    static final String[] ROLES = {"kiosk", "pos", "signage", "sensor", "gateway", "camera", "dashboard", "display"};
    static final String[] PLACES = {"leeds", "london", "york", "bristol", "glasgow", "cardiff", "hull", "bath"};
    static final String[] ODD_NAMES = {"Reception Display", "Café Büro", "ÉCRAN-Paris", "Dashboard \"Main\"",
            "Point of Sale 3", "LAB_Bench", "straße-kiosk", "Ünïcode Ω-node"};
    private static final String[][] MODELS = {
            {"4b", "30", "1gb 2gb 4gb 8gb"}, {"5", "25", "2gb 4gb 8gb 16gb"}, {"cm4", "10", "1gb 2gb 4gb 8gb"},
            {"cm5", "8", "2gb 4gb 8gb 16gb"}, {"zero2w", "8", "512mb"}, {"400", "4", "4gb"}, {"500", "4", "8gb"},
            {"3b+", "6", "1gb"}, {"3b", "2", "1gb"}, {"zerow", "2", "512mb"}, {"cm5lite", "1", "2gb 4gb 8gb"}};

    private TestFleet() {
    }

    public static List<Device> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Device> devices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            devices.add(device(random, i));
        }
        return devices;
    }

    static Device device(Random random, int i) {
        String name = random.nextInt(50) == 0 ? ODD_NAMES[random.nextInt(ODD_NAMES.length)] + " " + i
                : ROLES[random.nextInt(ROLES.length)] + "-" + PLACES[random.nextInt(PLACES.length)] + "-"
                + String.format(Locale.ROOT, "%03d", random.nextInt(1000));
        String serial = String.format(Locale.ROOT, "%016x", random.nextLong());
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        List<String> tags = tags(random);
        if (random.nextInt(10) == 0) {
            return new Device(id, name, serial, tags, null, null, null, Map.of());
        }
        String[] model = pickModel(random);
        String[] memories = model[2].split(" ");
        String memory = memories[random.nextInt(memories.length)];
        boolean trixie = random.nextInt(3) != 0;
        String os = trixie ? "raspios-13" : "raspios-12";
        String label = Qualifier.MODEL.knownValues().get(model[0]);
        Board board = new Board(label, random.nextBoolean() ? "1.0" : "1.1", Qualifier.MEMORY.knownValues().get(memory));
        OsInfo osInfo = new OsInfo("Raspberry Pi OS", trixie ? "13 (Trixie)" : "12 (Bookworm)");
        String arch = model[0].equals("zerow") ? "armv6l" : model[0].startsWith("3") ? "armv7l" : "aarch64";
        return new Device(id, name, serial, tags, board, osInfo, arch,
                Map.of("model", model[0], "memory", memory, "os", os));
    }

    private static String[] pickModel(Random random) {
        int roll = random.nextInt(100);
        for (String[] model : MODELS) {
            roll -= Integer.parseInt(model[1]);
            if (roll < 0) {
                return model;
            }
        }
        return MODELS[0];
    }

    private static List<String> tags(Random random) {
        Set<String> tags = new LinkedHashSet<>();
        int count = random.nextInt(5);
        for (int k = 0; k < count; k++) {
            // Skewed: the first few tags of the vocabulary are much more common than the last.
            int index = Math.min(TAGS.size() - 1, (int) Math.abs(random.nextGaussian() * 4));
            tags.add(TAGS.get(index));
        }
        if (random.nextInt(40) == 0) {
            tags.add("asset-" + random.nextInt(100_000));
        }
        return List.copyOf(tags);
    }

    /** A random query drawn from the fleet's own values and name/serial fragments, with some misses and odd cases. */
    public static DeviceQuery randomQuery(Random random, List<Device> fleet) {
        DeviceQuery query = DeviceQuery.EMPTY;
        int parts = 1 + random.nextInt(3);
        for (int p = 0; p < parts; p++) {
            Device sample = fleet.get(random.nextInt(fleet.size()));
            switch (random.nextInt(6)) {
                case 0 -> query = query.with(Qualifier.MODEL, valueOrMiss(random, sample, "model", "6"));
                case 1 -> query = query.with(Qualifier.MEMORY, valueOrMiss(random, sample, "memory", "3gb"));
                case 2 -> query = query.with(Qualifier.OS, valueOrMiss(random, sample, "os", "raspios-11"));
                case 3 -> query = query.with(Qualifier.TAG, anyCase(random, sample.tags().isEmpty()
                        || random.nextInt(8) == 0 ? TAGS.get(random.nextInt(TAGS.size()))
                        : sample.tags().get(random.nextInt(sample.tags().size()))));
                default -> query = query.withText(fragment(random, sample));
            }
        }
        return query;
    }

    private static String valueOrMiss(Random random, Device sample, String key, String miss) {
        String value = sample.filters().get(key);
        if (value == null || random.nextInt(10) == 0) {
            return miss;
        }
        return anyCase(random, value);
    }

    /** Qualifier values as typed: now and then in capitals, or with the first letter capitalised. */
    private static String anyCase(Random random, String value) {
        return switch (random.nextInt(8)) {
            case 0 -> value.toUpperCase(Locale.ROOT);
            case 1 -> Character.toUpperCase(value.charAt(0)) + value.substring(1);
            default -> value;
        };
    }

    private static String fragment(Random random, Device sample) {
        String source = random.nextBoolean() ? sample.name() : sample.serialNumber();
        if (random.nextInt(15) == 0) {
            return "zz" + random.nextInt(100);
        }
        int length = 1 + random.nextInt(Math.min(8, source.length()));
        int start = random.nextInt(source.length() - length + 1);
        String fragment = source.substring(start, start + length);
        if (random.nextInt(6) == 0) {
            fragment = fragment.toUpperCase(Locale.ROOT);
        }
        return fragment.isBlank() || fragment.chars().anyMatch(Character::isISOControl) ? "kiosk" : fragment;
    }
}
