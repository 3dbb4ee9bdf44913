package org.fleetdesk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.fleetdesk.api.Device;
import org.junit.jupiter.api.Test;

/**
 * The bit set index against a plain reading of the semantics: random queries built as terms, rendered to text in
 * varied ways, and evaluated both by the index (through the parser) and directly on the devices.
 */
class DeviceIndexPropertyTest {
    private static final List<String> MODELS = List.of("4b", "5", "cm4", "cm5", "zero2w", "400", "500", "3b+", "cm5lite", "6");
    private static final List<String> MEMORIES = List.of("512mb", "1gb", "2gb", "4gb", "8gb", "16gb");
    private static final List<String> OSES = List.of("raspios-12", "raspios-13", "raspios-11");

    private record Term(String kind, String value) {
    }

    @Test
    void indexAgreesWithADirectEvaluationOnRandomQueries() {
        SimConfig config = SimConfig.builder().devices(3000).seed(11).build();
        Organisation organisation = new Organisation(config, new SimClock(1));
        Random random = new Random(5);
        List<Device> fleet = organisation.devices();
        for (int i = 0; i < 40; i++) {
            organisation.deleteDevice(fleet.get(random.nextInt(fleet.size())).id());
            fleet = organisation.devices();
        }
        for (int i = 0; i < 20; i++) {
            String key = organisation.createAuthKey("k" + i, 1, i % 2 == 0 ? "Mixed Case Name " + i : null,
                    List.of("production", "tag-" + i)).secret();
            organisation.exchangeAuthKey(key, "host-" + i);
        }
        fleet = organisation.devices();
        for (int run = 0; run < 600; run++) {
            List<Term> terms = randomTerms(random, fleet);
            String text = render(terms, random);
            Expected want = new Expected(values(terms, "model"), values(terms, "memory"), values(terms, "os"),
                    values(terms, "tag"), values(terms, "text").stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
            List<String> expected = fleet.stream().filter(want::matches).map(Device::id).toList();
            int offset = random.nextInt(3) * 20;
            DeviceIndex.Selection selection = organisation.selectDevices(DeviceQuery.parse(text), offset, 50);
            assertEquals(expected.size(), selection.totalCount(), text);
            assertEquals(expected.subList(Math.min(offset, expected.size()), Math.min(offset + 50, expected.size())),
                    selection.page().stream().map(e -> e.device.id()).toList(), text);
        }
    }

    private static List<Term> randomTerms(Random random, List<Device> fleet) {
        List<Term> terms = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            Device device = fleet.get(random.nextInt(fleet.size()));
            switch (random.nextInt(8)) {
                case 0 -> terms.add(new Term("model", MODELS.get(random.nextInt(MODELS.size()))));
                case 1 -> terms.add(new Term("memory", MEMORIES.get(random.nextInt(MEMORIES.size()))));
                case 2 -> terms.add(new Term("os", OSES.get(random.nextInt(OSES.size()))));
                case 3 -> terms.add(new Term("tag", device.tags().isEmpty() ? "production"
                        : device.tags().get(random.nextInt(device.tags().size()))));
                case 4 -> terms.add(new Term("text", fragment(device.name(), random)));
                case 5 -> terms.add(new Term("text", fragment(device.serialNumber(), random)));
                case 6 -> terms.add(new Term("empty", List.of("model", "memory", "os", "tag").get(random.nextInt(4))));
                default -> terms.add(new Term("text", "zz" + random.nextInt(10)));
            }
        }
        return terms;
    }

    private static String fragment(String text, Random random) {
        int start = random.nextInt(text.length());
        int end = Math.min(text.length(), start + 1 + random.nextInt(7));
        String fragment = text.substring(start, end).strip();
        return fragment.isEmpty() ? "e" : fragment;
    }

    /**
     * Renders terms as a person might type them: qualifier names and values in any case, values sometimes quoted,
     * qualifiers now and then with nothing after them ({@code tag:}, {@code os:""}), which set no condition.
     */
    private static String render(List<Term> terms, Random random) {
        List<String> parts = new ArrayList<>();
        for (Term term : terms) {
            if (term.kind().equals("empty")) {
                parts.add(term.value() + ":" + (random.nextBoolean() ? "" : "\"\""));
            } else if (term.kind().equals("text")) {
                String text = random.nextBoolean() ? term.value().toUpperCase(Locale.ROOT) : term.value();
                parts.add(text.contains(" ") || random.nextInt(5) == 0 ? "\"" + text + "\"" : text);
            } else {
                String name = random.nextInt(4) == 0 ? term.kind().toUpperCase(Locale.ROOT) : term.kind();
                String value = random.nextInt(3) == 0 ? term.value().toUpperCase(Locale.ROOT) : term.value();
                parts.add(name + ":" + (random.nextInt(5) == 0 ? "\"" + value + "\"" : value));
            }
        }
        return String.join(random.nextBoolean() ? " " : " \t ", parts);
    }

    /** The documented semantics, applied directly to a device. */
    private record Expected(List<String> models, List<String> memories, List<String> oses, List<String> tags,
                            List<String> texts) {
        boolean matches(Device device) {
            if (!models.isEmpty() && !models.contains(device.filters().get("model"))) {
                return false;
            }
            if (!memories.isEmpty() && !memories.contains(device.filters().get("memory"))) {
                return false;
            }
            if (!oses.isEmpty() && !oses.contains(device.filters().get("os"))) {
                return false;
            }
            if (!device.tags().containsAll(tags)) {
                return false;
            }
            String name = device.name().toLowerCase(Locale.ROOT);
            String serial = device.serialNumber().toLowerCase(Locale.ROOT);
            return texts.stream().allMatch(text -> name.contains(text) || serial.contains(text));
        }
    }

    private static List<String> values(List<Term> terms, String kind) {
        return terms.stream().filter(t -> t.kind().equals(kind)).map(Term::value).toList();
    }

    @Test
    void aRepeatedQuerySeesDevicesAddedAndRemovedSinceItLastRan() {
        Organisation organisation = new Organisation(SimConfig.builder().devices(500).seed(3).build(), new SimClock(1));
        DeviceQuery query = DeviceQuery.parse("tag:production kiosk");
        List<String> before = organisation.selectDevices(query, 0, 100).page().stream().map(e -> e.device.id()).toList();
        organisation.deleteDevice(before.get(0));
        String secret = organisation.createAuthKey("k", 1, "kiosk-new", List.of("production")).secret();
        String added = organisation.exchangeAuthKey(secret, "host").id();
        List<String> after = organisation.selectDevices(query, 0, 100).page().stream().map(e -> e.device.id()).toList();
        assertEquals(before.size(), after.size());
        assertTrue(!after.contains(before.get(0)) && after.contains(added), after.toString());
    }

    @Test
    void sameSeedSameIndexAnswers() {
        Organisation first = new Organisation(SimConfig.builder().devices(500).seed(9).build(), new SimClock(1));
        Organisation second = new Organisation(SimConfig.builder().devices(500).seed(9).build(), new SimClock(1));
        DeviceQuery query = DeviceQuery.parse("tag:production kiosk");
        assertEquals(first.selectDevices(query, 0, 100).page().stream().map(e -> e.device).toList(),
                second.selectDevices(query, 0, 100).page().stream().map(e -> e.device).toList());
    }
}
