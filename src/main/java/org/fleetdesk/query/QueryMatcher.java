package org.fleetdesk.query;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.fleetdesk.api.Device;

/**
 * Evaluates a query on one device in memory: the reference semantics that the SQL translation and
 * {@link FleetIndex} are tested against.
 * <ul>
 * <li>{@code model:}/{@code memory:}/{@code os:} — the device's {@code filters} value for that key equals one of the
 * query's values (ASCII case-insensitive, as the API compares them: {@code model:CM4} finds cm4 devices). A device
 * without the key (an old client, {@code filters} empty) never matches.</li>
 * <li>{@code tag:} — the device has every one of the query's tags (ASCII case-insensitive).</li>
 * <li>free text — every term, lowercased, is a substring of the lowercased name or of the lowercased serial
 * number.</li>
 * </ul>
 */
public final class QueryMatcher implements Predicate<Device> {
    private final Set<String> models;
    private final Set<String> memories;
    private final Set<String> oses;
    private final List<String> tags;
    private final List<String> terms;

    private QueryMatcher(DeviceQuery query) {
        models = folded(query.models());
        memories = folded(query.memories());
        oses = folded(query.oses());
        tags = List.copyOf(folded(query.tags()));
        terms = query.text().stream().map(Folding::text).toList();
    }

    public static QueryMatcher of(DeviceQuery query) {
        return new QueryMatcher(query);
    }

    public static boolean matches(DeviceQuery query, Device device) {
        return of(query).test(device);
    }

    @Override
    public boolean test(Device device) {
        if (!filterMatches(models, device, Qualifier.MODEL) || !filterMatches(memories, device, Qualifier.MEMORY)
                || !filterMatches(oses, device, Qualifier.OS)) {
            return false;
        }
        if (!tags.isEmpty()) {
            Set<String> deviceTags = folded(device.tags());
            if (!deviceTags.containsAll(tags)) {
                return false;
            }
        }
        if (!terms.isEmpty()) {
            String name = Folding.text(device.name());
            String serial = Folding.text(device.serialNumber());
            for (String term : terms) {
                if (!name.contains(term) && !serial.contains(term)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean filterMatches(Set<String> wanted, Device device, Qualifier qualifier) {
        if (wanted.isEmpty()) {
            return true;
        }
        String value = device.filters().get(qualifier.key());
        return value != null && wanted.contains(Folding.value(value));
    }

    private static Set<String> folded(List<String> values) {
        Set<String> out = new HashSet<>();
        for (String v : values) {
            out.add(Folding.value(v));
        }
        return out;
    }
}
