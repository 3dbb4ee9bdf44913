package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.fleetdesk.api.Device;
import org.junit.jupiter.api.Test;

class FleetGeneratorTest {
    private static final Map<String, Set<String>> MEMORY_BY_MODEL = Map.of(
            "4b", Set.of("1gb", "2gb", "4gb", "8gb"), "5", Set.of("2gb", "4gb", "8gb", "16gb"),
            "cm4", Set.of("1gb", "2gb", "4gb", "8gb"), "cm5", Set.of("2gb", "4gb", "8gb", "16gb"),
            "zero2w", Set.of("512mb"), "400", Set.of("4gb"), "500", Set.of("8gb"), "3b+", Set.of("1gb"),
            "cm5lite", Set.of("2gb", "4gb", "8gb"), "cm4s", Set.of("1gb"));
    private static final Map<String, String> BOARD_NAMES = Map.of("4b", "Raspberry Pi 4B", "5", "Raspberry Pi 5",
            "cm4", "Raspberry Pi CM4", "cm5", "Raspberry Pi CM5", "zero2w", "Raspberry Pi Zero 2 W",
            "400", "Raspberry Pi 400", "500", "Raspberry Pi 500", "3b+", "Raspberry Pi 3B+",
            "cm5lite", "Raspberry Pi CM5 Lite", "cm4s", "Raspberry Pi CM4S");

    private static List<FleetGenerator.GeneratedDevice> fleet(long seed, int size, double offlinePct) {
        return new FleetGenerator(new SplittableRandom(seed)).fleet(size, offlinePct);
    }

    @Test
    void namesAreRoleSiteNumberAndSerialsAreUniqueHex() {
        List<Device> devices = fleet(1, 5000, 5).stream().map(FleetGenerator.GeneratedDevice::device).toList();
        Set<String> serials = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Device device : devices) {
            assertTrue(device.name().matches("(kiosk|pos|signage|dashboard|sensor|gateway|camera)-[a-z]+-\\d{3,}"), device.name());
            assertTrue(device.serialNumber().matches("[0-9a-f]{16}"), device.serialNumber());
            serials.add(device.serialNumber());
            names.add(device.name());
        }
        assertEquals(5000, serials.size());
        assertEquals(5000, names.size());
        assertTrue(names.contains("kiosk-leeds-014"), "numbering per role and site");
    }

    @Test
    void boardsAreAMixOfTheDocumentedModelsWithConsistentMemory() {
        List<Device> devices = fleet(2, 5000, 5).stream().map(FleetGenerator.GeneratedDevice::device)
                .filter(d -> !d.isOldClient()).toList();
        Map<String, Long> perModel = devices.stream().collect(Collectors.groupingBy(d -> d.filters().get("model"),
                Collectors.counting()));
        for (String common : List.of("4b", "5", "cm4", "cm5", "zero2w", "400", "500", "3b+")) {
            assertTrue(perModel.getOrDefault(common, 0L) > 50, common + ": " + perModel);
        }
        assertTrue(perModel.get("4b") > perModel.get("400"), "4B is common, 400 rare: " + perModel);
        for (Device device : devices) {
            String model = device.filters().get("model");
            String memory = device.filters().get("memory");
            assertTrue(MEMORY_BY_MODEL.getOrDefault(model, Set.of("1gb")).contains(memory), model + " with " + memory);
            assertEquals(BOARD_NAMES.getOrDefault(model, "Raspberry Pi 3B"), device.board().model());
            assertEquals(memory.replace("gb", " GB").replace("mb", " MB"), device.board().memory());
            assertTrue(device.board().revision().matches("1\\.\\d"));
            String os = device.filters().get("os");
            assertTrue(os.equals("raspios-12") || os.equals("raspios-13"));
            assertEquals("Raspberry Pi OS", device.os().name());
            assertEquals(os.equals("raspios-13") ? "13 (Trixie)" : "12 (Bookworm)", device.os().version());
            assertTrue(device.kernelArchitecture().equals("aarch64") || device.kernelArchitecture().equals("armv7l"));
        }
        assertTrue(devices.stream().anyMatch(d -> d.filters().get("os").equals("raspios-12")));
        assertTrue(devices.stream().anyMatch(d -> d.filters().get("os").equals("raspios-13")));
    }

    @Test
    void tagsAreZeroToFourFromARealisticVocabulary() {
        Set<String> vocabulary = new HashSet<>(List.of("production", "staging"));
        vocabulary.addAll(FleetGenerator.ROLE_TAGS.values());
        vocabulary.addAll(FleetGenerator.SITES);
        vocabulary.addAll(FleetGenerator.EXTRA_TAGS);
        Map<Integer, Long> perCount = fleet(3, 5000, 5).stream().map(FleetGenerator.GeneratedDevice::device)
                .peek(d -> assertTrue(vocabulary.containsAll(d.tags()), d.tags().toString()))
                .collect(Collectors.groupingBy(d -> d.tags().size(), Collectors.counting()));
        assertEquals(Set.of(0, 1, 2, 3, 4), perCount.keySet());
        vocabulary.forEach(tag -> assertEquals(null, org.fleetdesk.api.Validation.tagProblem(tag)));
    }

    @Test
    void aboutTenPercentOldClientsAndTheRequestedShareOffline() {
        List<FleetGenerator.GeneratedDevice> devices = fleet(4, 10000, 5);
        long old = devices.stream().filter(g -> g.device().isOldClient()).count();
        long offline = devices.stream().filter(g -> !g.online()).count();
        assertTrue(old > 850 && old < 1150, "old clients: " + old);
        assertTrue(offline > 400 && offline < 600, "offline: " + offline);
        assertEquals(0, fleet(4, 1000, 0).stream().filter(g -> !g.online()).count());
        assertEquals(1000, fleet(4, 1000, 100).stream().filter(g -> !g.online()).count());
    }

    @Test
    void theSeedReproducesTheFleet() {
        assertEquals(fleet(42, 300, 5), fleet(42, 300, 5));
        assertNotEquals(fleet(42, 300, 5), fleet(43, 300, 5));
    }
}
