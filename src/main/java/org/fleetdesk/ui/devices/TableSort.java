package org.fleetdesk.ui.devices;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fleetdesk.api.Device;
import org.fleetdesk.export.DeviceColumn;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.query.Folding;

/**
 * The table's order: a column and a direction. Columns the fleet index knows how to order (name, serial, model,
 * memory, OS) use its precomputed orders; tags and kernel architecture are sorted here, by their text, devices without
 * a value last, ties by name. Descending reverses the whole order, as {@link DeviceSort} does.
 */
public record TableSort(DeviceColumn column, boolean descending) {
    public static final TableSort BY_NAME = new TableSort(DeviceColumn.NAME, false);

    /** The index's order for this column, when it has one. */
    public Optional<DeviceSort> deviceSort() {
        DeviceSort.Field field = switch (column) {
            case NAME -> DeviceSort.Field.NAME;
            case SERIAL_NUMBER -> DeviceSort.Field.SERIAL_NUMBER;
            case MODEL -> DeviceSort.Field.MODEL;
            case MEMORY -> DeviceSort.Field.MEMORY;
            case OS -> DeviceSort.Field.OS;
            case TAGS, KERNEL_ARCHITECTURE -> null;
        };
        return field == null ? Optional.empty() : Optional.of(new DeviceSort(field, descending));
    }

    /** Orders devices that are already in name order (the index's results). */
    public List<Device> orderNameSorted(List<Device> byName) {
        if (deviceSort().isPresent()) {
            throw new IllegalStateException(column + " is ordered by the index");
        }
        List<Map.Entry<String, Device>> keyed = new ArrayList<>(byName.size());
        for (Device device : byName) {
            keyed.add(new AbstractMap.SimpleImmutableEntry<>(key(device), device));
        }
        keyed.sort(Map.Entry.comparingByKey(Comparator.nullsLast(Folding::compareCodePoints)));
        List<Device> sorted = new ArrayList<>(keyed.size());
        keyed.forEach(entry -> sorted.add(entry.getValue()));
        if (descending) {
            Collections.reverse(sorted);
        }
        return sorted;
    }

    /** Orders devices in any order (a live search's answer). */
    public List<Device> order(List<Device> devices) {
        List<Device> sorted = new ArrayList<>(devices);
        Optional<DeviceSort> indexed = deviceSort();
        if (indexed.isPresent()) {
            sorted.sort(indexed.get().comparator());
            return sorted;
        }
        sorted.sort(DeviceSort.BY_NAME.comparator());
        return orderNameSorted(sorted);
    }

    private String key(Device device) {
        String text = column.text(device);
        return text == null || text.isEmpty() ? null : Folding.text(text);
    }
}
