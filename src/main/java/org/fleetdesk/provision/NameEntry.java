package org.fleetdesk.provision;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.Validation;

/**
 * One device to provision: its name (which becomes the key's description, its device name and its file name
 * {@code <name>.key}) and the tags of its own row, on top of the tags every device of the batch gets.
 */
public record NameEntry(String name, List<String> tags) {
    public static final int MAX_NAME_LENGTH = 63;
    private static final String FORBIDDEN = "/\\:*?\"<>|";
    private static final Set<String> WINDOWS_DEVICE_NAMES = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    public NameEntry {
        requireUsableName(name);
        tags = tags == null ? List.of() : List.copyOf(tags);
        Validation.requireTags(tags);
    }

    public static NameEntry of(String name) {
        return new NameEntry(name, List.of());
    }

    /**
     * A name must work as a device name and as a file name on every desktop system, because each device's secret is
     * saved as {@code <name>.key}.
     */
    public static void requireUsableName(String name) {
        String problem = nameProblem(name);
        if (problem != null) {
            throw new InvalidInputException(problem);
        }
    }

    /** Why a device name cannot be used, or null when it is fine. */
    public static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "A device name cannot be empty.";
        }
        String quoted = "\"" + Validation.printable(name) + "\"";
        if (!name.equals(name.strip())) {
            return "Device name " + quoted + " starts or ends with spaces: remove them.";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "Device name " + quoted + " is " + name.length() + " characters long: use at most "
                    + MAX_NAME_LENGTH + ".";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || FORBIDDEN.indexOf(c) >= 0) {
                return "Device name " + quoted + " contains " + describe(c) + ", which cannot be part of a file name:"
                        + " use letters, digits, '-', '_' and '.'.";
            }
        }
        if (name.startsWith(".") || name.endsWith(".")) {
            return "Device name " + quoted + " starts or ends with a dot, which makes a hidden or invalid file name.";
        }
        if (WINDOWS_DEVICE_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            return "Device name " + quoted + " is reserved by Windows and cannot name a file: choose another name.";
        }
        return null;
    }

    private static String describe(char c) {
        return Character.isISOControl(c) ? String.format("a control character (\\u%04x)", (int) c) : "'" + c + "'";
    }
}
