package org.fleetdesk.secrets;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A token or other secret held as characters. {@link #toString()} never shows it, so a secret that ends up in a log
 * line, a record's toString or an exception message prints as {@code <redacted>}.
 */
public final class Secret {
    public static final String REDACTED = "<redacted>";

    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    /** Copies the characters: the caller may wipe its array afterwards. */
    public static Secret of(char[] chars) {
        return new Secret(chars.clone());
    }

    public static Secret of(String text) {
        return new Secret(text.toCharArray());
    }

    static Secret fromUtf8(byte[] bytes) {
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        char[] chars = new char[decoded.remaining()];
        decoded.get(chars);
        Arrays.fill(decoded.array(), '\0');
        return new Secret(chars);
    }

    /** An independent copy, which can be destroyed without affecting this one. */
    public Secret copy() {
        return new Secret(value.clone());
    }

    /** A copy of the characters; wipe it with {@code Arrays.fill} when done. */
    public char[] chars() {
        return value.clone();
    }

    /** The secret as text, for the one place that must send it (the Authorization header). */
    public String reveal() {
        return new String(value);
    }

    byte[] toUtf8() {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    public boolean isBlank() {
        for (char c : value) {
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** Overwrites the characters in memory once the secret is no longer needed. */
    public void destroy() {
        Arrays.fill(value, '\0');
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
