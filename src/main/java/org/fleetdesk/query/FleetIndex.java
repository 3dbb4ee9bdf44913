package org.fleetdesk.query;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fleetdesk.api.Device;

/**
 * An immutable in-memory snapshot of a fleet, indexed so that the interactive search (every keystroke, on 100,000
 * devices) answers in about a millisecond, with exactly the semantics of {@link QueryMatcher}.
 * <p>
 * Devices are numbered in name order. Each model, memory, OS and tag value has the set of devices that carry it
 * (a bit set, or a sorted array for rare values); a query intersects and unites those sets. Free text is found by
 * {@link String#indexOf} over one string holding every lowercased name and serial number, separated by a control
 * character that no term can contain; when the qualifiers have already narrowed the result to a few devices, their
 * names are checked one by one instead. Orders other than by name are computed once per field and cached.
 * Thread-safe.
 */
public final class FleetIndex {
    private static final char SEPARATOR = '\n';

    private final Device[] docs;
    private final String[] ids;
    private final Map<String, Integer> docById;
    private final String[] nameFold;
    private final String[] serialFold;
    private final String haystack;
    private final int[] starts;
    private final Map<Qualifier, Map<String, Postings>> postings = new EnumMap<>(Qualifier.class);
    private final long[] oldClients;
    private final Map<DeviceSort.Field, int[]> orders = new ConcurrentHashMap<>();

    private FleetIndex(Device[] docs) {
        this.docs = docs;
        int n = docs.length;
        ids = new String[n];
        docById = new HashMap<>(n * 2);
        nameFold = new String[n];
        serialFold = new String[n];
        starts = new int[n + 1];
        oldClients = Bits.empty(n);
        Map<Qualifier, Map<String, IntList>> building = new EnumMap<>(Qualifier.class);
        for (Qualifier q : Qualifier.values()) {
            building.put(q, new HashMap<>());
        }
        StringBuilder text = new StringBuilder(n * 40);
        for (int d = 0; d < n; d++) {
            Device device = docs[d];
            ids[d] = device.id();
            docById.put(device.id(), d);
            nameFold[d] = Folding.text(device.name());
            serialFold[d] = Folding.text(device.serialNumber());
            starts[d] = text.length();
            text.append(nameFold[d]).append(SEPARATOR).append(serialFold[d]).append(SEPARATOR);
            if (device.isOldClient()) {
                Bits.set(oldClients, d);
            }
            for (Qualifier q : List.of(Qualifier.MODEL, Qualifier.MEMORY, Qualifier.OS)) {
                String value = device.filters().get(q.key());
                if (value != null) {
                    building.get(q).computeIfAbsent(Folding.value(value), v -> new IntList()).add(d);
                }
            }
            Set<String> tags = new LinkedHashSet<>();
            device.tags().forEach(tag -> tags.add(Folding.value(tag)));
            for (String tag : tags) {
                building.get(Qualifier.TAG).computeIfAbsent(tag, v -> new IntList()).add(d);
            }
        }
        starts[n] = text.length();
        haystack = text.toString();
        building.forEach((q, values) -> {
            Map<String, Postings> sets = new HashMap<>();
            values.forEach((value, list) -> sets.put(value, Postings.of(list.items, list.size, n)));
            postings.put(q, sets);
        });
    }

    /** Indexes {@code devices}; when two have the same id the later one is kept, as the store's upsert does. */
    public static FleetIndex of(Collection<Device> devices) {
        Map<String, Device> byId = new LinkedHashMap<>(devices.size() * 2);
        for (Device device : devices) {
            byId.put(device.id(), device);
        }
        List<Map.Entry<DeviceSort.Key, Device>> keyed = new ArrayList<>(byId.size());
        for (Device device : byId.values()) {
            keyed.add(Map.entry(DeviceSort.BY_NAME.key(device), device));
        }
        keyed.sort(Map.Entry.comparingByKey());
        return new FleetIndex(keyed.stream().map(Map.Entry::getValue).toArray(Device[]::new));
    }

    public int size() {
        return docs.length;
    }

    /** Every device, in name order. */
    public List<Device> devices() {
        return java.util.Collections.unmodifiableList(Arrays.asList(docs));
    }

    public Optional<Device> device(String id) {
        Integer doc = docById.get(id);
        return doc == null ? Optional.empty() : Optional.of(docs[doc]);
    }

    public int count(DeviceQuery query) {
        return Bits.count(evaluate(query));
    }

    /** The matching devices in {@code sort} order (a view over an array of positions: cheap even for 100,000). */
    public List<Device> matching(DeviceQuery query, DeviceSort sort) {
        return new Projection<>(ordered(evaluate(query), sort), docs);
    }

    /** The ids of the matching devices in {@code sort} order, for a virtualised table. */
    public List<String> matchingIds(DeviceQuery query, DeviceSort sort) {
        return new Projection<>(ordered(evaluate(query), sort), ids);
    }

    public FacetCounts facets(DeviceQuery query) {
        long[] result = evaluate(query);
        Map<Qualifier, Map<String, Integer>> counts = new EnumMap<>(Qualifier.class);
        postings.forEach((q, values) -> {
            Map<String, Integer> perValue = new HashMap<>();
            values.forEach((value, docsWithValue) -> {
                int count = docsWithValue.countIn(result);
                if (count > 0) {
                    perValue.put(value, count);
                }
            });
            counts.put(q, perValue);
        });
        return new FacetCounts(Bits.count(result), Bits.countAnd(result, oldClients), counts.get(Qualifier.MODEL),
                counts.get(Qualifier.MEMORY), counts.get(Qualifier.OS), counts.get(Qualifier.TAG));
    }

    private long[] evaluate(DeviceQuery query) {
        int n = docs.length;
        long[] result = null;
        for (Qualifier q : List.of(Qualifier.MODEL, Qualifier.MEMORY, Qualifier.OS)) {
            if (query.values(q).isEmpty()) {
                continue;
            }
            long[] any = Bits.empty(n);
            for (String value : query.values(q)) {
                Postings withValue = postings.get(q).get(Folding.value(value));
                if (withValue != null) {
                    withValue.orInto(any);
                }
            }
            result = intersect(result, any);
        }
        for (String tag : query.tags()) {
            Postings withTag = postings.get(Qualifier.TAG).get(Folding.value(tag));
            if (withTag == null) {
                return Bits.empty(n);
            }
            if (result == null) {
                result = Bits.empty(n);
                withTag.orInto(result);
            } else {
                withTag.andInto(result);
            }
        }
        List<String> terms = new ArrayList<>(query.text().stream().map(Folding::text).toList());
        // Longer terms are usually rarer: searching them first leaves fewer devices to check for the others.
        terms.sort(Comparator.comparingInt(String::length).reversed());
        for (String term : terms) {
            if (result != null && Bits.count(result) * 16L < n) {
                checkEach(result, term);
            } else {
                result = intersect(result, scan(term));
            }
        }
        return result == null ? Bits.all(n) : result;
    }

    private static long[] intersect(long[] result, long[] other) {
        if (result == null) {
            return other;
        }
        Bits.and(result, other);
        return result;
    }

    /** The devices whose name or serial contains {@code term}, by scanning the shared string once. */
    private long[] scan(String term) {
        long[] hits = Bits.empty(docs.length);
        int doc = 0;
        int from = 0;
        int at;
        while ((at = haystack.indexOf(term, from)) >= 0) {
            while (starts[doc + 1] <= at) {
                doc++;
            }
            Bits.set(hits, doc);
            from = starts[doc + 1];
        }
        return hits;
    }

    private void checkEach(long[] result, String term) {
        for (int w = 0; w < result.length; w++) {
            long word = result[w];
            while (word != 0) {
                int doc = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                if (!nameFold[doc].contains(term) && !serialFold[doc].contains(term)) {
                    Bits.clear(result, doc);
                }
            }
        }
    }

    private int[] ordered(long[] result, DeviceSort sort) {
        int count = Bits.count(result);
        int[] out;
        if (sort.field() == DeviceSort.Field.NAME) {
            out = Bits.toArray(result, count);
        } else {
            int[] order = orders.computeIfAbsent(sort.field(), this::order);
            out = new int[count];
            int k = 0;
            for (int doc : order) {
                if (Bits.get(result, doc)) {
                    out[k++] = doc;
                }
            }
        }
        if (sort.descending()) {
            for (int i = 0, j = out.length - 1; i < j; i++, j--) {
                int swap = out[i];
                out[i] = out[j];
                out[j] = swap;
            }
        }
        return out;
    }

    private int[] order(DeviceSort.Field field) {
        DeviceSort sort = new DeviceSort(field, false);
        DeviceSort.Key[] keys = new DeviceSort.Key[docs.length];
        Integer[] order = new Integer[docs.length];
        for (int d = 0; d < docs.length; d++) {
            keys[d] = sort.key(docs[d]);
            order[d] = d;
        }
        Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static final class Projection<T> extends AbstractList<T> implements RandomAccess {
        private final int[] positions;
        private final T[] items;

        Projection(int[] positions, T[] items) {
            this.positions = positions;
            this.items = items;
        }

        @Override
        public T get(int index) {
            return items[positions[index]];
        }

        @Override
        public int size() {
            return positions.length;
        }
    }

    private static final class IntList {
        int[] items = new int[4];
        int size;

        void add(int value) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }
    }
}
