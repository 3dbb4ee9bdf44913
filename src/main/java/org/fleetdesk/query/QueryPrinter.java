package org.fleetdesk.query;

import java.util.StringJoiner;

/**
 * Writes a query in canonical form: qualifiers in the order model, memory, os, tag (each value in its list's order),
 * then the free-text terms. A term is quoted when it would otherwise read differently: when it contains a space,
 * starts with {@code "}, or looks like a qualifier ({@code "tag:kiosk"}); inside quotes {@code "} and {@code \} are
 * escaped with a backslash. {@code QueryParser.parse(print(q))} equals {@code q} for every query.
 */
public final class QueryPrinter {
    private QueryPrinter() {
    }

    public static String print(DeviceQuery query) {
        StringJoiner out = new StringJoiner(" ");
        for (Qualifier qualifier : Qualifier.values()) {
            for (String value : query.values(qualifier)) {
                out.add(qualifier.key() + ":" + value);
            }
        }
        for (String term : query.text()) {
            out.add(printTerm(term));
        }
        return out.toString();
    }

    /** One free-text term as it must be typed to be read back as exactly that term. */
    public static String printTerm(String term) {
        if (!Terms.hasSeparator(term) && !term.startsWith("\"") && !Terms.readsAsQualifier(term)) {
            return term;
        }
        return "\"" + term.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
