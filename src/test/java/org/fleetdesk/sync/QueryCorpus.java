package org.fleetdesk.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import org.fleetdesk.api.Device;

/**
 * Random search queries drawn from a fleet's own values: qualifiers with the values its devices report (and a few
 * that none has), names and values in any case, values now and then quoted ({@code tag:"kiosk"}), qualifiers with an
 * empty value ({@code tag:}, {@code os:""}), repeated qualifiers, free text from names and serial numbers in any
 * case, quoted phrases and unknown qualifiers, one to four terms each. Most queries are built around one device, from
 * its own values, so that combinations still find something; the others combine terms at random. Reproducible for a
 * given fleet and seed.
 */
final class QueryCorpus {
    private static final List<String> MISSING_VALUES = List.of("model:6", "memory:3gb", "os:raspios-11",
            "tag:no-such-tag", "model:zero3");
    private static final List<String> UNKNOWN_QUALIFIERS = List.of("colour", "name", "serial", "city", "type");
    private static final List<String> QUALIFIERS = List.of("model", "memory", "os", "tag");

    private final Random random;
    private final List<String> models;
    private final List<String> memories;
    private final List<String> oses;
    private final List<String> tags;
    private final List<Device> fleet;
    private final List<String> names = new ArrayList<>();
    private final List<String> serials = new ArrayList<>();
    private final List<String> nameWords;

    QueryCorpus(List<Device> fleet, long seed) {
        random = new Random(seed);
        this.fleet = List.copyOf(fleet);
        TreeSet<String> modelSet = new TreeSet<>();
        TreeSet<String> memorySet = new TreeSet<>();
        TreeSet<String> osSet = new TreeSet<>();
        TreeSet<String> tagSet = new TreeSet<>();
        TreeSet<String> words = new TreeSet<>();
        for (Device device : fleet) {
            addIfPresent(modelSet, device.filters().get("model"));
            addIfPresent(memorySet, device.filters().get("memory"));
            addIfPresent(osSet, device.filters().get("os"));
            tagSet.addAll(device.tags());
            names.add(device.name());
            serials.add(device.serialNumber());
            words.addAll(List.of(device.name().split("-")));
        }
        models = List.copyOf(modelSet);
        memories = List.copyOf(memorySet);
        oses = List.copyOf(osSet);
        tags = List.copyOf(tagSet);
        nameWords = List.copyOf(words);
    }

    private static void addIfPresent(TreeSet<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    String next() {
        int terms = 1 + random.nextInt(4);
        Device anchor = random.nextInt(10) < 7 ? pick(fleet) : null;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < terms; i++) {
            parts.add(anchor == null ? term() : termOf(anchor));
        }
        StringBuilder query = new StringBuilder();
        for (String part : parts) {
            query.append(query.length() == 0 ? "" : random.nextInt(5) == 0 ? "  " : " ").append(part);
        }
        return query.toString();
    }

    /** A term that {@code device} matches; an "any of" qualifier names another value as well. */
    private String termOf(Device device) {
        int kind = random.nextInt(100);
        String model = device.filters().get("model");
        if (kind < 15 && model != null) {
            return qualifier("model") + value(model) + (random.nextBoolean() ? "" : " model:" + value(pick(models)));
        }
        String memory = device.filters().get("memory");
        if (kind < 25 && memory != null) {
            return qualifier("memory") + value(memory);
        }
        String os = device.filters().get("os");
        if (kind < 35 && os != null) {
            return qualifier("os") + value(os) + (random.nextBoolean() ? "" : " os:" + value(pick(oses)));
        }
        if (kind < 55 && !device.tags().isEmpty()) {
            return qualifier("tag") + value(pick(device.tags()));
        }
        if (kind < 60) {
            return emptyQualifier();
        }
        if (kind < 75) {
            return anyCase(fragment(device.name(), 2, 9));
        }
        if (kind < 88) {
            return anyCase(fragment(device.serialNumber(), 2, 6));
        }
        return random.nextInt(3) == 0 ? closedThenText(device.name())
                : "\"" + anyCase(fragment(device.name(), 3, 12)) + "\"";
    }

    private String term() {
        int kind = random.nextInt(100);
        if (kind < 12) {
            return qualifier("model") + value(pick(models));
        }
        if (kind < 20) {
            return qualifier("memory") + value(pick(memories));
        }
        if (kind < 26) {
            return qualifier("os") + value(pick(oses));
        }
        if (kind < 42) {
            return qualifier("tag") + value(pick(tags));
        }
        if (kind < 46) {
            return random.nextBoolean() ? pick(MISSING_VALUES) : emptyQualifier();
        }
        if (kind < 58) {
            return anyCase(pick(nameWords));
        }
        if (kind < 70) {
            return anyCase(fragment(pick(names), 2, 7));
        }
        if (kind < 80) {
            String serial = pick(serials);
            return anyCase(random.nextBoolean() ? fragment(serial, 1, 6) : serial.substring(serial.length() - 4));
        }
        if (kind < 92) {
            return quoted();
        }
        return pick(UNKNOWN_QUALIFIERS) + ":" + (random.nextBoolean() ? pick(nameWords) : fragment(pick(serials), 2, 4));
    }

    /** A qualifier's name, now and then in capitals ({@code MODEL:}), which the language accepts. */
    private String qualifier(String name) {
        return (random.nextInt(6) == 0 ? name.toUpperCase(Locale.ROOT) : name) + ":";
    }

    /** A value as a person might type it: in capitals or capitalised now and then, sometimes in quotes. */
    private String value(String value) {
        String typed = random.nextInt(3) == 0 ? anyCase(value) : value;
        return random.nextInt(8) == 0 ? "\"" + typed + "\"" : typed;
    }

    /** A qualifier with nothing after it ({@code tag:}) or an empty quoted value ({@code OS:""}): no condition. */
    private String emptyQualifier() {
        return qualifier(pick(QUALIFIERS)) + (random.nextBoolean() ? "" : "\"\"");
    }

    /**
     * Quoted text, also the odd corners: a quote in the middle of a term ({@code tag:"a b"}, {@code ab"cd ef"}: the
     * term ends at the space), escapes inside a phrase, a closing quote with a letter right after it.
     */
    private String quoted() {
        return switch (random.nextInt(7)) {
            case 0 -> "\"" + fragment(pick(names), 3, 10) + "\"";
            case 1 -> "\"" + pick(nameWords) + " " + pick(nameWords) + "\"";
            case 2 -> qualifier("tag") + "\"" + pick(tags) + " " + pick(nameWords) + "\"";
            case 3 -> fragment(pick(names), 2, 4) + "\"" + pick(nameWords) + " " + pick(nameWords) + "\"";
            case 4 -> "\"" + pick(nameWords) + "\\\"" + pick(nameWords) + "\\\\\"";
            case 5 -> closedThenText(pick(names));
            default -> "\"" + anyCase(pick(nameWords)) + "\"";
        };
    }

    /**
     * {@code "abc"def} with both parts from one device's name: two terms (the closing quote ends the first), which
     * that device matches; read as one term {@code abcdef} it would find nothing.
     */
    private String closedThenText(String name) {
        return "\"" + anyCase(fragment(name, 2, 4)) + "\"" + fragment(name, 2, 4);
    }

    private String fragment(String text, int minLength, int maxLength) {
        int length = Math.min(text.length(), minLength + random.nextInt(maxLength - minLength + 1));
        int start = random.nextInt(text.length() - length + 1);
        return text.substring(start, start + length);
    }

    private String anyCase(String text) {
        return switch (random.nextInt(4)) {
            case 0 -> text.toUpperCase(Locale.ROOT);
            case 1 -> Character.toUpperCase(text.charAt(0)) + text.substring(1);
            default -> text;
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
