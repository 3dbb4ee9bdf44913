package org.fleetdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file behind a store: one writer connection (writes are serialised by a lock) and a small pool of
 * read-only connections, which WAL lets read a consistent snapshot while a write is in progress. Every work unit
 * runs in a transaction; SQLite errors become {@link StoreException}s that name the file and say what to do.
 */
final class Database implements AutoCloseable {
    static final int READERS = 4;
    // SQLite primary result codes (the low byte of the extended code).
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private final Path file;
    private final Duration busyTimeout;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private volatile boolean closed;

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Database(Path file, Duration busyTimeout, Connection writer) {
        this.file = file;
        this.busyTimeout = busyTimeout;
        this.writer = writer;
    }

    /** Opens (creating if needed) the file, checks it is a sound SQLite database and brings its schema up to date. */
    static Database open(Path file, Duration busyTimeout) {
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new StoreException(absolute, "Cannot create the folder for the local cache " + absolute + ": " + e
                    + ". Check that you may write there.", e);
        }
        Connection writer = null;
        try {
            writer = connect(absolute, busyTimeout);
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                // 32 MB of page cache (default 2 MB): a sync of 100,000 devices inserts into several indexes at once.
                s.execute("PRAGMA cache_size = -32768");
            }
            check(absolute, writer);
            int version = Migrations.version(writer);
            if (version > Migrations.latest()) {
                throw new StoreException(absolute, "The local cache " + absolute + " was written by a newer Fleetdesk"
                        + " (schema version " + version + "; this one knows up to " + Migrations.latest()
                        + "). Update Fleetdesk, or move the file aside to rebuild the cache.", null);
            }
            Migrations.apply(writer, version);
            return new Database(absolute, busyTimeout, writer);
        } catch (SQLException e) {
            closeQuietly(writer);
            throw translate(absolute, e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
    }

    private static void check(Path file, Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String verdict = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new StoreCorruptException(file, "integrity check: " + verdict, null);
            }
        }
        if (Migrations.version(connection) == 0) {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master LIMIT 1")) {
                if (rs.next()) {
                    throw new StoreCorruptException(file, "it is an SQLite database of another program", null);
                }
            }
        }
    }

    private static Connection connect(Path file, Duration busyTimeout) throws SQLException {
        // Given at open, so that the driver's own first statements already wait this long (and no longer).
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        config.enforceForeignKeys(true);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    Path file() {
        return file;
    }

    /** Runs {@code work} in a write transaction; it commits when {@code work} returns and rolls back if it throws. */
    <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            return inTransaction(writer, "BEGIN IMMEDIATE", work);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} in a read transaction on a pooled connection: it sees one consistent snapshot. */
    <T> T read(Work<T> work) {
        Connection reader = borrowReader();
        try {
            return inTransaction(reader, "BEGIN", work);
        } finally {
            returnReader(reader);
        }
    }

    private <T> T inTransaction(Connection connection, String begin, Work<T> work) {
        try (Statement s = connection.createStatement()) {
            s.execute(begin);
            try {
                T result = work.run(connection);
                s.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw translate(file, e);
        }
    }

    private Connection borrowReader() {
        ensureOpen();
        Connection idle = idleReaders.poll();
        if (idle != null) {
            return idle;
        }
        synchronized (allReaders) {
            if (allReaders.size() < READERS) {
                try {
                    Connection reader = connect(file, busyTimeout);
                    try (Statement s = reader.createStatement()) {
                        s.execute("PRAGMA query_only = ON");
                    }
                    allReaders.add(reader);
                    return reader;
                } catch (SQLException e) {
                    throw translate(file, e);
                }
            }
        }
        try {
            return idleReaders.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(file, "Interrupted while waiting to read the local cache " + file + ".", e);
        }
    }

    private void returnReader(Connection reader) {
        if (closed) {
            closeQuietly(reader);
        } else {
            idleReaders.add(reader);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the local cache " + file + " has been closed");
        }
    }

    static StoreException translate(Path file, SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return switch (code) {
            case SQLITE_CORRUPT, SQLITE_NOTADB -> new StoreCorruptException(file, message(e), e);
            case SQLITE_BUSY, SQLITE_LOCKED -> new StoreLockedException(file, e);
            case SQLITE_FULL -> new StoreException(file, "The disk holding the local cache " + file
                    + " is full. Free some space and try again.", e);
            case SQLITE_READONLY, SQLITE_CANTOPEN -> new StoreException(file, "Cannot write the local cache " + file
                    + " (" + message(e) + "). Check that the file and its folder exist and that you may write"
                    + " to them.", e);
            default -> new StoreException(file, "The local cache " + file + " failed: " + message(e) + ".", e);
        };
    }

    private static String message(SQLException e) {
        String m = e.getMessage();
        return m == null ? "error " + e.getErrorCode() : m.replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "");
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing after a failure: the original error is what matters.
            }
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            synchronized (allReaders) {
                Connection reader;
                while ((reader = idleReaders.poll()) != null) {
                    closeQuietly(reader);
                }
            }
            try {
                writer.close();
            } catch (SQLException e) {
                throw translate(file, e);
            }
        } finally {
            writeLock.unlock();
        }
    }
}
