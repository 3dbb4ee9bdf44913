package org.fleetdesk.provision;

import java.util.ArrayList;
import java.util.List;
import org.fleetdesk.api.InvalidInputException;

/**
 * Collects what is wrong with an imported file, line by line, so that one message lists every problem (the first
 * few of them) instead of making the user fix them one run at a time.
 */
final class ImportProblems {
    private static final int SHOWN = 8;

    private final String source;
    private final List<String> problems = new ArrayList<>();

    ImportProblems(String source) {
        this.source = source;
    }

    void add(int lineNumber, String problem) {
        problems.add("line " + lineNumber + ": " + problem);
    }

    void add(String problem) {
        problems.add(problem);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws when anything was found, so that nothing is sent for a file with mistakes. */
    void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(source).append(" has ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append(" (nothing was sent):");
        problems.stream().limit(SHOWN).forEach(p -> message.append("\n  ").append(p));
        if (problems.size() > SHOWN) {
            message.append("\n  … and ").append(problems.size() - SHOWN).append(" more.");
        }
        throw new InvalidInputException(message.toString());
    }
}
