package org.fleetdesk.query;

import java.util.Locale;

/**
 * The two case rules of the search language, shared by every evaluator (in memory, SQL, index) so that they agree.
 * Free text is compared lowercased with {@link Locale#ROOT}; qualifier values and tags are compared with ASCII-only
 * case folding, which is what SQLite's {@code NOCASE} collation does (every documented value and every valid tag is
 * ASCII, so nothing real is lost).
 */
public final class Folding {
    private Folding() {
    }

    /** Free text and the name/serial it is searched in. A null string folds to "". */
    public static String text(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** A qualifier value or tag: ASCII letters lowercased, everything else unchanged. */
    public static String value(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    /** Orders strings by Unicode code point, the order of SQLite's BINARY collation on UTF-8 text. */
    public static int compareCodePoints(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                // UTF-16 order is code point order except that surrogates (supplementary characters) must sort
                // after U+E000..U+FFFF: move the surrogates above them.
                if (ca >= 0xD800 && cb >= 0xD800) {
                    return codePointRank(ca) - codePointRank(cb);
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    }

    private static int codePointRank(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
