package org.fleetdesk.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fleetdesk.api.Device;

/**
 * The devices of an organisation, kept in list order and indexed for the query language. Each device has an ordinal
 * (its position in insertion order, never reused); qualifier values and the single characters and character pairs of
 * every lowercased name and serial number map to bit sets of ordinals, so a query is a handful of bit set intersections
 * and only free text of three or more characters is checked device by device. Not thread-safe: the organisation
 * guards it.
 */
final class DeviceIndex {
    private static final int ASCII = 128;
    private final List<DeviceEntry> byOrdinal = new ArrayList<>();
    private final Map<String, DeviceEntry> byId = new HashMap<>();
    private final BitSet alive = new BitSet();
    private final Map<String, BitSet> tagIndex = new HashMap<>();
    private final Map<String, BitSet> modelIndex = new HashMap<>();
    private final Map<String, BitSet> memoryIndex = new HashMap<>();
    private final Map<String, BitSet> osIndex = new HashMap<>();
    private final BitSet[] asciiChars = new BitSet[ASCII];
    private final BitSet[] asciiPairs = new BitSet[ASCII * ASCII];
    private final Map<String, BitSet> otherGrams = new HashMap<>();
    private final Map<DeviceQuery, int[]> recentQueries = Collections.synchronizedMap(new RecentQueries());
    private int[] sorted = new int[16];
    private int size;

    /** The matches of the last queries, in list order, so paging through one costs a slice; any change clears it. */
    private static final class RecentQueries extends LinkedHashMap<DeviceQuery, int[]> {
        private static final int CAPACITY = 32;

        RecentQueries() {
            super(CAPACITY * 2, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<DeviceQuery, int[]> eldest) {
            return size() > CAPACITY;
        }
    }

    record Selection(List<DeviceEntry> page, int totalCount) {
    }

    int size() {
        return size;
    }

    DeviceEntry get(String id) {
        return byId.get(id);
    }

    /** Adds many devices at once, sorting once at the end. */
    void addAll(Collection<FleetGenerator.GeneratedDevice> devices) {
        recentQueries.clear();
        List<DeviceEntry> added = new ArrayList<>(devices.size());
        for (FleetGenerator.GeneratedDevice generated : devices) {
            added.add(register(generated.device(), generated.online()));
        }
        List<DeviceEntry> all = new ArrayList<>(size + added.size());
        for (int i = 0; i < size; i++) {
            all.add(byOrdinal.get(sorted[i]));
        }
        all.addAll(added);
        all.sort(DeviceEntry::compareTo);
        sorted = new int[Math.max(16, all.size() * 5 / 4)];
        for (int i = 0; i < all.size(); i++) {
            sorted[i] = all.get(i).ordinal;
        }
        size = all.size();
    }

    DeviceEntry add(Device device, boolean online) {
        recentQueries.clear();
        DeviceEntry entry = register(device, online);
        int position = -(search(entry) + 1);
        if (size == sorted.length) {
            sorted = Arrays.copyOf(sorted, size * 2);
        }
        System.arraycopy(sorted, position, sorted, position + 1, size - position);
        sorted[position] = entry.ordinal;
        size++;
        return entry;
    }

    void remove(DeviceEntry entry) {
        recentQueries.clear();
        int position = search(entry);
        System.arraycopy(sorted, position + 1, sorted, position, size - position - 1);
        size--;
        byId.remove(entry.device.id());
        alive.clear(entry.ordinal);
        index(entry, false);
        byOrdinal.set(entry.ordinal, null);
    }

    List<DeviceEntry> all() {
        List<DeviceEntry> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(byOrdinal.get(sorted[i]));
        }
        return all;
    }

    /** One page ({@code offset}, at most {@code limit} devices) of the devices matching {@code query}, in list order. */
    Selection select(DeviceQuery query, int offset, int limit) {
        if (query.isEmpty()) {
            List<DeviceEntry> page = new ArrayList<>(Math.max(0, Math.min(limit, size - offset)));
            for (int i = offset; i < size && page.size() < limit; i++) {
                page.add(byOrdinal.get(sorted[i]));
            }
            return new Selection(page, size);
        }
        int[] matches = recentQueries.get(query);
        if (matches == null) {
            matches = inListOrder(matching(query));
            recentQueries.put(query, matches);
        }
        List<DeviceEntry> page = new ArrayList<>(Math.max(0, Math.min(limit, matches.length - offset)));
        for (int i = offset; i < matches.length && page.size() < limit; i++) {
            page.add(byOrdinal.get(matches[i]));
        }
        return new Selection(page, matches.length);
    }

    private int[] inListOrder(BitSet matches) {
        int[] ordinals = new int[matches.cardinality()];
        int found = 0;
        for (int i = 0; i < size && found < ordinals.length; i++) {
            if (matches.get(sorted[i])) {
                ordinals[found++] = sorted[i];
            }
        }
        return ordinals;
    }

    private BitSet matching(DeviceQuery query) {
        BitSet result = (BitSet) alive.clone();
        for (String tag : query.tags()) {
            intersect(result, tagIndex.get(tag));
        }
        intersectAnyOf(result, modelIndex, query.models());
        intersectAnyOf(result, memoryIndex, query.memories());
        intersectAnyOf(result, osIndex, query.oses());
        for (String term : query.freeText()) {
            if (term.length() == 1) {
                intersect(result, gram(term.charAt(0), false));
                continue;
            }
            for (int i = 0; i + 1 < term.length(); i++) {
                intersect(result, gram(term.charAt(i), term.charAt(i + 1), false));
            }
            if (term.length() > 2) {
                for (int ordinal = result.nextSetBit(0); ordinal >= 0; ordinal = result.nextSetBit(ordinal + 1)) {
                    if (!byOrdinal.get(ordinal).textMatches(term)) {
                        result.clear(ordinal);
                    }
                }
            }
        }
        return result;
    }

    private static void intersect(BitSet result, BitSet other) {
        if (other == null) {
            result.clear();
        } else {
            result.and(other);
        }
    }

    private static void intersectAnyOf(BitSet result, Map<String, BitSet> index, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BitSet union = new BitSet();
        for (String value : values) {
            BitSet bits = index.get(value);
            if (bits != null) {
                union.or(bits);
            }
        }
        result.and(union);
    }

    private DeviceEntry register(Device device, boolean online) {
        if (byId.containsKey(device.id())) {
            throw new IllegalStateException("duplicate device id");
        }
        DeviceEntry entry = new DeviceEntry(device, byOrdinal.size(), online);
        byOrdinal.add(entry);
        byId.put(device.id(), entry);
        alive.set(entry.ordinal);
        index(entry, true);
        return entry;
    }

    private int search(DeviceEntry entry) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int comparison = byOrdinal.get(sorted[middle]).compareTo(entry);
            if (comparison < 0) {
                low = middle + 1;
            } else if (comparison > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    /** Sets (or clears) the device's bit in every index it belongs to. */
    private void index(DeviceEntry entry, boolean member) {
        Device device = entry.device;
        int ordinal = entry.ordinal;
        for (String tag : device.tags()) {
            bits(tagIndex, DeviceQuery.foldValue(tag)).set(ordinal, member);
        }
        Map<String, String> filters = device.filters();
        indexValue(modelIndex, filters.get("model"), ordinal, member);
        indexValue(memoryIndex, filters.get("memory"), ordinal, member);
        indexValue(osIndex, filters.get("os"), ordinal, member);
        indexText(entry.nameKey, ordinal, member);
        indexText(entry.serialKey, ordinal, member);
    }

    private static void indexValue(Map<String, BitSet> index, String value, int ordinal, boolean member) {
        if (value != null) {
            bits(index, DeviceQuery.foldValue(value)).set(ordinal, member);
        }
    }

    private void indexText(String text, int ordinal, boolean member) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            gram(c, true).set(ordinal, member);
            if (i + 1 < length) {
                gram(c, text.charAt(i + 1), true).set(ordinal, member);
            }
        }
    }


    private static <K> BitSet bits(Map<K, BitSet> index, K key) {
        return index.computeIfAbsent(key, k -> new BitSet());
    }

    /** The devices whose name or serial contains the character; ASCII in an array, the rest in a map. */
    private BitSet gram(char c, boolean create) {
        if (c < ASCII) {
            if (create && asciiChars[c] == null) {
                asciiChars[c] = new BitSet();
            }
            return asciiChars[c];
        }
        return create ? bits(otherGrams, String.valueOf(c)) : otherGrams.get(String.valueOf(c));
    }

    /** The devices whose name or serial contains the two characters in a row. */
    private BitSet gram(char first, char second, boolean create) {
        if (first < ASCII && second < ASCII) {
            int slot = first * ASCII + second;
            if (create && asciiPairs[slot] == null) {
                asciiPairs[slot] = new BitSet();
            }
            return asciiPairs[slot];
        }
        String pair = new String(new char[] {first, second});
        return create ? bits(otherGrams, pair) : otherGrams.get(pair);
    }
}
