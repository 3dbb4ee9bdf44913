package org.fleetdesk.query;

/**
 * The documents that have one facet value: a bit set when the value is common, a sorted array of document numbers
 * when it is rare, so that thousands of one-off tags cost memory in proportion to their use.
 */
final class Postings {
    private final long[] words;
    private final int[] docs;
    private final int size;

    private Postings(long[] words, int[] docs, int size) {
        this.words = words;
        this.docs = docs;
        this.size = size;
    }

    static Postings of(int[] sortedDocs, int length, int n) {
        // A bit set costs n/8 bytes, an array 4 bytes per document.
        if ((long) length * 32 > n) {
            long[] words = Bits.empty(n);
            for (int i = 0; i < length; i++) {
                Bits.set(words, sortedDocs[i]);
            }
            return new Postings(words, null, length);
        }
        return new Postings(null, java.util.Arrays.copyOf(sortedDocs, length), length);
    }

    int size() {
        return size;
    }

    void orInto(long[] target) {
        if (words != null) {
            Bits.or(target, words);
        } else {
            for (int doc : docs) {
                Bits.set(target, doc);
            }
        }
    }

    /** Intersects {@code target} with these documents in place. */
    void andInto(long[] target) {
        if (words != null) {
            Bits.and(target, words);
            return;
        }
        long[] kept = new long[target.length];
        for (int doc : docs) {
            if (Bits.get(target, doc)) {
                Bits.set(kept, doc);
            }
        }
        System.arraycopy(kept, 0, target, 0, target.length);
    }

    int countIn(long[] result) {
        if (words != null) {
            return Bits.countAnd(result, words);
        }
        int count = 0;
        for (int doc : docs) {
            if (Bits.get(result, doc)) {
                count++;
            }
        }
        return count;
    }
}
