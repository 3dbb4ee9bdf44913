package org.fleetdesk.query;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The structured filters of the search language, with the values the reference documents for each. A device's
 * {@code filters} object carries its value under {@link #key()}; tags come from the device's tag list instead.
 */
public enum Qualifier {
    MODEL("model", "model", table(
            "a", "Raspberry Pi A", "b", "Raspberry Pi B", "a+", "Raspberry Pi A+", "b+", "Raspberry Pi B+",
            "2b", "Raspberry Pi 2B", "cm1", "Raspberry Pi CM1", "3b", "Raspberry Pi 3B", "zero", "Raspberry Pi Zero",
            "cm3", "Raspberry Pi CM3", "zerow", "Raspberry Pi Zero W", "3b+", "Raspberry Pi 3B+",
            "3a+", "Raspberry Pi 3A+", "cm3+", "Raspberry Pi CM3+", "4b", "Raspberry Pi 4B",
            "zero2w", "Raspberry Pi Zero 2 W", "400", "Raspberry Pi 400", "cm4", "Raspberry Pi CM4",
            "cm4s", "Raspberry Pi CM4S", "5", "Raspberry Pi 5", "cm5", "Raspberry Pi CM5", "500", "Raspberry Pi 500",
            "cm5lite", "Raspberry Pi CM5 Lite", "cm0", "Raspberry Pi CM0")),
    MEMORY("memory", "memory size", table(
            "256mb", "256 MB", "512mb", "512 MB", "1gb", "1 GB", "2gb", "2 GB", "4gb", "4 GB", "8gb", "8 GB",
            "16gb", "16 GB")),
    // Only raspios-13 is documented; raspios-12 follows the same pattern (recovered-details.md).
    OS("os", "OS", table("raspios-12", "Raspberry Pi OS 12 (Bookworm)", "raspios-13", "Raspberry Pi OS 13 (Trixie)")),
    TAG("tag", "tag", Map.of());

    private final String key;
    private final String noun;
    private final Map<String, String> knownValues;
    private final Map<String, Integer> ranks = new HashMap<>();

    Qualifier(String key, String noun, Map<String, String> knownValues) {
        this.key = key;
        this.noun = noun;
        this.knownValues = knownValues;
        for (String value : knownValues.keySet()) {
            ranks.put(value, ranks.size());
        }
    }

    /** The name typed before the colon ({@code model}), also the key in a device's {@code filters}. */
    public String key() {
        return key;
    }

    /** How messages name a value of this qualifier ("no such memory size"). */
    public String noun() {
        return noun;
    }

    /**
     * The documented values in the reference's order (oldest model first, smallest memory first) with a readable
     * label each; empty for {@link #TAG}, whose values are whatever the organisation uses.
     */
    public Map<String, String> knownValues() {
        return knownValues;
    }

    /** Position of a value in {@link #knownValues()} (compared case-insensitively), or -1 when undocumented. */
    public int rank(String value) {
        return ranks.getOrDefault(Folding.value(value), -1);
    }

    /** The qualifier typed as {@code name} (case-insensitive), if it is one. */
    public static Optional<Qualifier> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Qualifier q : values()) {
            if (q.key.equals(lower)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> table(String... valueLabelPairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < valueLabelPairs.length; i += 2) {
            values.put(valueLabelPairs[i], valueLabelPairs[i + 1]);
        }
        return Collections.unmodifiableMap(values);
    }
}
