package org.fleetdesk.query;

/**
 * One suggestion for the search box: replace the text from {@code start} up to the cursor with {@code replacement}.
 * {@code label} is what the list shows ({@code tag:kiosk (412)}); {@code count} is the number of devices with the
 * value, or -1 for a qualifier.
 */
public record Completion(Kind kind, int start, String replacement, String label, int count) {
    public enum Kind { QUALIFIER, VALUE }

    /** The text before the cursor once this suggestion is chosen. */
    public String applyTo(String textBeforeCursor) {
        return textBeforeCursor.substring(0, start) + replacement;
    }
}
