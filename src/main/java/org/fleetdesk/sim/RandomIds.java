package org.fleetdesk.sim;

import java.util.SplittableRandom;
import java.util.UUID;

/** Identifiers and serial numbers drawn from a seeded generator, so that a seed reproduces them. */
final class RandomIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RandomIds() {
    }

    /** A version 4 UUID, like the API's ids. */
    static String uuid(SplittableRandom random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(most, least).toString();
    }

    /** A Raspberry Pi serial number: 16 lowercase hexadecimal characters. */
    static String serialNumber(SplittableRandom random) {
        long value = random.nextLong();
        char[] out = new char[16];
        for (int i = 15; i >= 0; i--) {
            out[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        return new String(out);
    }
}
