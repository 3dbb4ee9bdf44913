package org.fleetdesk.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * SQL run by a package that keeps its own tables in the journal file (the rollout journal), inside a transaction the
 * store opens: see {@link JournalFile#write} and {@link JournalFile#read}.
 */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
