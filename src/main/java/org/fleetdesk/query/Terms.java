package org.fleetdesk.query;

/** Character classes of the search language's syntax, shared by the parser, the printer and the AST's checks. */
final class Terms {
    private Terms() {
    }

    /** Terms are separated by any Unicode space or whitespace character and by every control character. */
    static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    static boolean hasSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isSeparator(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSeparator(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the bare token {@code text} would be read as a qualifier ({@code tag:x}, also {@code tag:} with no
     * value, which sets no condition) rather than free text.
     */
    static boolean readsAsQualifier(String text) {
        int colon = text.indexOf(':');
        return colon > 0 && Qualifier.named(text.substring(0, colon)).isPresent();
    }
}
