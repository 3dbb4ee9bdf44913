package org.fleetdesk.query;

import java.util.Comparator;
import org.fleetdesk.api.Device;

/**
 * An order for a device list. Every order ends with name (lowercased, then as written) and id, so it is total.
 * {@link Field#MODEL}, {@link Field#MEMORY} and {@link Field#OS} follow the documented value tables (oldest model
 * and smallest memory first), then undocumented values alphabetically, then devices without the value (old clients).
 * Strings compare by Unicode code point, as SQLite's BINARY collation does. {@code descending} reverses the whole
 * order.
 */
public record DeviceSort(Field field, boolean descending) {
    public static final DeviceSort BY_NAME = new DeviceSort(Field.NAME, false);
    /** Rank of an undocumented value and of a missing one: after every documented value. */
    public static final int UNDOCUMENTED_RANK = 1000;
    public static final int MISSING_RANK = 2000;

    public enum Field { NAME, SERIAL_NUMBER, MODEL, MEMORY, OS }

    public DeviceSort {
        if (field == null) {
            throw new IllegalArgumentException("a sort needs a field");
        }
    }

    public DeviceSort reversed() {
        return new DeviceSort(field, !descending);
    }

    public Comparator<Device> comparator() {
        Comparator<Device> ascending = Comparator.comparing(this::key);
        return descending ? ascending.reversed() : ascending;
    }

    /** The values this order compares, in significance order; precomputing them makes sorting many devices cheap. */
    public Key key(Device device) {
        String name = device.name() == null ? "" : device.name();
        String id = device.id() == null ? "" : device.id();
        return switch (field) {
            case NAME -> new Key(0, "", "", Folding.text(name), name, id);
            case SERIAL_NUMBER -> new Key(0, Folding.text(device.serialNumber()),
                    device.serialNumber() == null ? "" : device.serialNumber(), Folding.text(name), name, id);
            case MODEL -> valueKey(Qualifier.MODEL, device, name, id);
            case MEMORY -> valueKey(Qualifier.MEMORY, device, name, id);
            case OS -> valueKey(Qualifier.OS, device, name, id);
        };
    }

    private static Key valueKey(Qualifier qualifier, Device device, String name, String id) {
        String value = device.filters().get(qualifier.key());
        int rank = value == null ? MISSING_RANK : qualifier.rank(value) >= 0 ? qualifier.rank(value) : UNDOCUMENTED_RANK;
        return new Key(rank, value == null ? "" : value, "", Folding.text(name), name, id);
    }

    /** The compared values of one device; {@code bmpOnly} when none contains a surrogate, the common fast case. */
    public record Key(int rank, String primary, String secondary, String nameFold, String name, String id,
                      boolean bmpOnly) implements Comparable<Key> {
        Key(int rank, String primary, String secondary, String nameFold, String name, String id) {
            this(rank, primary, secondary, nameFold, name, id, noSurrogate(primary) && noSurrogate(secondary)
                    && noSurrogate(nameFold) && noSurrogate(name) && noSurrogate(id));
        }

        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(rank, o.rank);
            c = c != 0 ? c : compare(primary, o.primary, o);
            c = c != 0 ? c : compare(secondary, o.secondary, o);
            c = c != 0 ? c : compare(nameFold, o.nameFold, o);
            c = c != 0 ? c : compare(name, o.name, o);
            return c != 0 ? c : compare(id, o.id, o);
        }

        // Without surrogates, UTF-16 order (String.compareTo, much faster) is code point order.
        private int compare(String a, String b, Key other) {
            return bmpOnly && other.bmpOnly ? a.compareTo(b) : Folding.compareCodePoints(a, b);
        }

        private static boolean noSurrogate(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.isSurrogate(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
