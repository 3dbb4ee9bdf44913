package org.fleetdesk.cli;

import java.util.List;
import org.fleetdesk.api.InvalidInputException;
import picocli.CommandLine.Option;

/** {@code --tag} (replaces all tags) and {@code --no-tags} (removes them) for updates. */
final class TagUpdateOptions extends TagOptions {
    @Option(names = "--no-tags", description = "Remove all tags.")
    boolean noTags;

    /** The tags to send: null to leave them unchanged, an empty list to clear them. */
    List<String> forUpdate() {
        if (noTags && tags != null) {
            throw new InvalidInputException("--tag and --no-tags contradict each other: give one of them.");
        }
        return noTags ? List.of() : tags;
    }
}
