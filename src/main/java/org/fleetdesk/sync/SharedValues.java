package org.fleetdesk.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fleetdesk.api.Device;

/**
 * Keeps one instance of each value that repeats across a fleet: boards, OS descriptions, kernel architectures,
 * filters, tags and tag lists. A fleet of 100,000 devices has a few hundred distinct ones, so a sync's copy of the
 * fleet costs little more than its ids, names and serial numbers. Thread-safe.
 */
final class SharedValues {
    private final Map<Object, Object> values = new ConcurrentHashMap<>();

    Device share(Device device) {
        return new Device(device.id(), device.name(), device.serialNumber(), tags(device.tags()), one(device.board()),
                one(device.os()), one(device.kernelArchitecture()), one(device.filters()));
    }

    private List<String> tags(List<String> tags) {
        List<String> shared = new ArrayList<>(tags.size());
        for (String tag : tags) {
            shared.add(one(tag));
        }
        return one(List.copyOf(shared));
    }

    @SuppressWarnings("unchecked")
    private <T> T one(T value) {
        return value == null ? null : (T) values.computeIfAbsent(value, v -> v);
    }
}
