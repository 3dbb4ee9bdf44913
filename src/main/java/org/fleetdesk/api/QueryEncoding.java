package org.fleetdesk.api;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a query value strictly (RFC 3986: only unreserved characters stay as they are), so that
 * {@code model:3b+} reaches the server as {@code model%3A3b%2B} and a space as {@code %20}, never as {@code +}.
 */
final class QueryEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryEncoding() {
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
