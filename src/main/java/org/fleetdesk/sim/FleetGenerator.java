package org.fleetdesk.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.fleetdesk.api.Board;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.OsInfo;

/**
 * Generates a realistic fleet from a seed: devices named by role and site ({@code kiosk-leeds-014}), boards in the
 * proportions of {@link BoardModel}, Raspberry Pi OS 12 or 13, 0–4 tags that mostly agree with the name, and about
 * one device in ten on a Connect client older than 2.9.0 (no board, OS, kernel or filters).
 */
final class FleetGenerator {
    static final double OLD_CLIENT_SHARE = 0.10;
    static final List<String> ROLES = List.of("kiosk", "pos", "signage", "dashboard", "sensor", "gateway", "camera");
    private static final int[] ROLE_WEIGHTS = {22, 18, 16, 12, 14, 10, 8};
    static final Map<String, String> ROLE_TAGS = Map.of("kiosk", "kiosk", "pos", "point-of-sale", "signage", "signage",
            "dashboard", "dashboard", "sensor", "sensor", "gateway", "gateway", "camera", "cctv");
    static final List<String> SITES = List.of("london", "leeds", "manchester", "bristol", "edinburgh", "glasgow",
            "cardiff", "belfast", "birmingham", "liverpool", "newcastle", "sheffield", "cambridge", "york");
    static final List<String> EXTRA_TAGS = List.of("canary", "beta", "floor-1", "floor-2", "warehouse", "lab",
            "reception", "retail", "hq", "eol-2026");

    private final SplittableRandom random;
    private final int[] lastNumber = new int[ROLES.size() * SITES.size()];
    private final Set<String> serials = new HashSet<>();

    FleetGenerator(SplittableRandom random) {
        this.random = random;
    }

    /** {@code count} devices; each is offline with probability {@code offlinePct}%. */
    List<GeneratedDevice> fleet(int count, double offlinePct) {
        List<GeneratedDevice> fleet = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int roleIndex = pickRole();
            int siteIndex = random.nextInt(SITES.size());
            String role = ROLES.get(roleIndex);
            String site = SITES.get(siteIndex);
            String name = role + "-" + site + "-" + threeDigits(++lastNumber[roleIndex * SITES.size() + siteIndex]);
            boolean oldClient = random.nextDouble() < OLD_CLIENT_SHARE;
            Device device = oldClient
                    ? new Device(RandomIds.uuid(random), name, uniqueSerial(), tags(role, site), null, null, null, Map.of())
                    : linkedDevice(name, tags(role, site));
            fleet.add(new GeneratedDevice(device, random.nextDouble() * 100 >= offlinePct));
        }
        return fleet;
    }

    /** A device that has just linked itself to the organisation: a current Connect client on a random board. */
    Device linkedDevice(String name, List<String> tags) {
        BoardModel model = BoardModel.pick(random);
        int memoryIndex = random.nextInt(model.memories.size());
        String memory = model.memories.get(memoryIndex);
        String revision = model.revisions.get(random.nextInt(model.revisions.size()));
        boolean trixie = random.nextDouble() < 0.55;
        String kernel = model.runs32Bit() && random.nextDouble() < 0.15 ? "armv7l" : "aarch64";
        Map<String, String> filters = Map.of("model", model.filterValue, "memory", memory,
                "os", trixie ? "raspios-13" : "raspios-12");
        return new Device(RandomIds.uuid(random), name, uniqueSerial(), tags,
                new Board(model.boardName, revision, model.memoryDisplays.get(memoryIndex)),
                new OsInfo("Raspberry Pi OS", trixie ? "13 (Trixie)" : "12 (Bookworm)"), kernel, filters);
    }

    private int pickRole() {
        int roll = random.nextInt(100);
        for (int i = 0; i < ROLES.size(); i++) {
            roll -= ROLE_WEIGHTS[i];
            if (roll < 0) {
                return i;
            }
        }
        return 0;
    }

    private static String threeDigits(int number) {
        return number >= 100 ? Integer.toString(number) : number >= 10 ? "0" + number : "00" + number;
    }

    private List<String> tags(String role, String site) {
        List<String> tags = new ArrayList<>(4);
        double environment = random.nextDouble();
        if (environment < 0.65) {
            tags.add("production");
        } else if (environment < 0.80) {
            tags.add("staging");
        }
        if (random.nextDouble() < 0.55) {
            tags.add(ROLE_TAGS.get(role));
        }
        if (random.nextDouble() < 0.45) {
            tags.add(site);
        }
        if (random.nextDouble() < 0.12) {
            String extra = EXTRA_TAGS.get(random.nextInt(EXTRA_TAGS.size()));
            if (!tags.contains(extra)) {
                tags.add(extra);
            }
        }
        return List.copyOf(tags);
    }

    private String uniqueSerial() {
        String serial;
        do {
            serial = RandomIds.serialNumber(random);
        } while (!serials.add(serial));
        return serial;
    }

    record GeneratedDevice(Device device, boolean online) {
    }
}
