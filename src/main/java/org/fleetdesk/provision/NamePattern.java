package org.fleetdesk.provision;

import java.util.ArrayList;
import java.util.List;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.Validation;

/**
 * Expands a name pattern the way a shell expands braces: {@code pi5-{001..250}} gives pi5-001 … pi5-250, and several
 * ranges multiply ({@code rack{1..3}-pi{01..12}}). A bound written with a leading zero pads every number to the
 * widest bound, as bash does.
 */
public final class NamePattern {
    public static final int MAX_NAMES = 10_000;

    private NamePattern() {
    }

    /** The names in order; throws {@link InvalidInputException} explaining what is wrong with the pattern. */
    public static List<String> expand(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidInputException("The name pattern is empty: give one such as pi5-{001..250}.");
        }
        List<String> names = List.of("");
        String text = pattern.strip();
        int position = 0;
        while (position < text.length()) {
            int open = text.indexOf('{', position);
            int strayClose = text.indexOf('}', position);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                throw problem(pattern, "has a '}' without a matching '{'");
            }
            if (open < 0) {
                names = append(pattern, names, List.of(text.substring(position)));
                break;
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw problem(pattern, "has a '{' that is never closed");
            }
            names = append(pattern, names, List.of(text.substring(position, open)));
            names = append(pattern, names, range(pattern, text.substring(open + 1, close)));
            position = close + 1;
        }
        for (String name : names) {
            String why = NameEntry.nameProblem(name);
            if (why != null) {
                throw new InvalidInputException("The name pattern \"" + Validation.printable(pattern) + "\" makes a name"
                        + " that cannot be used. " + why);
            }
        }
        return names;
    }

    private static List<String> range(String pattern, String inside) {
        if (inside.indexOf('{') >= 0) {
            throw problem(pattern, "has braces inside braces");
        }
        int dots = inside.indexOf("..");
        if (dots < 0) {
            throw problem(pattern, "has {" + inside + "}, which is not a range: write a range of numbers such as {001..250}");
        }
        String from = inside.substring(0, dots).strip();
        String to = inside.substring(dots + 2).strip();
        if (!isNumber(from) || !isNumber(to)) {
            throw problem(pattern, "has {" + inside + "}: both ends of a range must be whole numbers, as in {001..250}");
        }
        if (from.length() > 9 || to.length() > 9) {
            throw problem(pattern, "has a range with numbers longer than 9 digits");
        }
        int start = Integer.parseInt(from);
        int end = Integer.parseInt(to);
        if (start > end) {
            throw problem(pattern, "has the range {" + inside + "}, which counts down: write {" + to + ".." + from
                    + "} instead");
        }
        if ((long) end - start + 1 > MAX_NAMES) {
            throw tooMany(pattern, (long) end - start + 1);
        }
        int width = padded(from) || padded(to) ? Math.max(from.length(), to.length()) : 0;
        List<String> numbers = new ArrayList<>(end - start + 1);
        for (int n = start; n <= end; n++) {
            numbers.add(width > 0 ? String.format("%0" + width + "d", n) : Integer.toString(n));
        }
        return numbers;
    }

    private static List<String> append(String pattern, List<String> prefixes, List<String> parts) {
        long count = (long) prefixes.size() * parts.size();
        if (count > MAX_NAMES) {
            throw tooMany(pattern, count);
        }
        List<String> out = new ArrayList<>((int) count);
        for (String prefix : prefixes) {
            for (String part : parts) {
                out.add(prefix + part);
            }
        }
        return out;
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean padded(String number) {
        return number.length() > 1 && number.charAt(0) == '0';
    }

    private static InvalidInputException problem(String pattern, String what) {
        return new InvalidInputException("The name pattern \"" + Validation.printable(pattern) + "\" " + what + ".");
    }

    private static InvalidInputException tooMany(String pattern, long count) {
        return new InvalidInputException("The name pattern \"" + Validation.printable(pattern) + "\" makes " + count
                + " names: at most " + MAX_NAMES + " can be provisioned at once. Split the batch.");
    }
}
