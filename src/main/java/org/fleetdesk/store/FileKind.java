package org.fleetdesk.store;

import java.nio.file.Path;

/**
 * The two SQLite files of an organisation: the cache, which a sync rebuilds, and the journal, which nothing can
 * rebuild. Each has its own migrations, its name in messages, and its own advice when it is damaged.
 */
enum FileKind {
    CACHE("local cache", Migrations.CACHE, "Update Fleetdesk, or move the file aside to rebuild the cache."),
    JOURNAL("journal", Migrations.JOURNAL, "Update Fleetdesk: this file holds the rollouts, the activity log and the"
            + " saved searches, which a sync cannot bring back.");

    private final String noun;
    private final Migrations migrations;
    private final String newerAdvice;

    FileKind(String noun, Migrations migrations, String newerAdvice) {
        this.noun = noun;
        this.migrations = migrations;
        this.newerAdvice = newerAdvice;
    }

    /** How messages name a file of this kind: "local cache" or "journal". */
    String noun() {
        return noun;
    }

    Migrations migrations() {
        return migrations;
    }

    /** What to do when the file was written by a newer Fleetdesk. */
    String newerAdvice() {
        return newerAdvice;
    }

    StoreException corrupt(Path file, String detail, Throwable cause) {
        return this == CACHE ? new StoreCorruptException(file, detail, cause)
                : new JournalCorruptException(file, detail, cause);
    }
}
