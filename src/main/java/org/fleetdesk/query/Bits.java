package org.fleetdesk.query;

/** Word-array bit sets over document numbers 0..n-1: the few operations {@link FleetIndex} needs, allocation-light. */
final class Bits {
    private Bits() {
    }

    static long[] empty(int n) {
        return new long[(n + 63) >>> 6];
    }

    static long[] all(int n) {
        long[] words = empty(n);
        java.util.Arrays.fill(words, -1L);
        if ((n & 63) != 0) {
            words[words.length - 1] = (1L << (n & 63)) - 1;
        }
        return words;
    }

    static void set(long[] words, int doc) {
        words[doc >>> 6] |= 1L << doc;
    }

    static boolean get(long[] words, int doc) {
        return (words[doc >>> 6] & (1L << doc)) != 0;
    }

    static void clear(long[] words, int doc) {
        words[doc >>> 6] &= ~(1L << doc);
    }

    static int count(long[] words) {
        int count = 0;
        for (long w : words) {
            count += Long.bitCount(w);
        }
        return count;
    }

    static int countAnd(long[] a, long[] b) {
        int count = 0;
        for (int i = 0; i < a.length; i++) {
            count += Long.bitCount(a[i] & b[i]);
        }
        return count;
    }

    /** Intersects {@code target} with {@code other} in place. */
    static void and(long[] target, long[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] &= other[i];
        }
    }

    static void or(long[] target, long[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] |= other[i];
        }
    }

    /** The set documents in increasing order. */
    static int[] toArray(long[] words, int count) {
        int[] docs = new int[count];
        int k = 0;
        for (int i = 0; i < words.length; i++) {
            long w = words[i];
            while (w != 0) {
                docs[k++] = (i << 6) + Long.numberOfTrailingZeros(w);
                w &= w - 1;
            }
        }
        return docs;
    }
}
