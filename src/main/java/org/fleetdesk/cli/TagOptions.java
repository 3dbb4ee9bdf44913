package org.fleetdesk.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --tag}, repeatable, for creating a resource. */
class TagOptions {
    @Option(names = "--tag", paramLabel = "TAG",
            description = "A tag to apply (repeat for several, up to 10): lowercase letters, numbers, - and _.")
    List<String> tags;

    /** The tags of a new resource (none when not given). */
    List<String> forCreate() {
        return tags == null ? List.of() : tags;
    }
}
