package org.fleetdesk.store;

import java.nio.file.Path;

/**
 * The organisation's journal file as seen by a package that keeps its own tables in it (the rollout journal): SQL
 * run in a transaction that the store opens. The file outlives the cache: a damaged cache is rebuilt without it.
 */
public final class JournalFile {
    private final Database db;

    JournalFile(Database db) {
        this.db = db;
    }

    public Path file() {
        return db.file();
    }

    /** Runs {@code work} in one write transaction: it commits when {@code work} returns, rolls back if it throws. */
    public <T> T write(SqlWork<T> work) {
        return db.write(work::run);
    }

    /** Runs {@code work} in a read transaction that sees one consistent snapshot. */
    public <T> T read(SqlWork<T> work) {
        return db.read(work::run);
    }
}
