package org.fleetdesk.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.Deployment;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.query.FacetCounts;
import org.fleetdesk.query.FleetIndex;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.query.QueryPrinter;

/**
 * The local SQLite copy of one organisation: devices (searchable with the dashboard's language), artefacts,
 * auth-key metadata (never secrets), device identities, deployments and sync stamps in the cache file, which a sync
 * rebuilds; and, in the journal file beside it ({@link StorePaths#journalFile}), what no sync can bring back: the
 * rollout journal, the activity journal and the saved searches. A damaged cache is therefore moved aside and rebuilt
 * without losing an unfinished rollout. Thread-safe: writes are serialised on one connection per file, reads run in
 * parallel on pooled connections and see a consistent snapshot.
 * <p>
 * Two ways to search devices, with the same answers: the SQL methods ({@link #search}, {@link #count},
 * {@link #matchingIds}, {@link #facets}) suit one-off reads such as a CLI command; {@link #index()} loads the fleet
 * once into an in-memory {@link FleetIndex} for interactive search (about a millisecond per keystroke on 100,000
 * devices), rebuilt lazily after each change.
 */
public final class FleetStore implements AutoCloseable {
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_SAVED_SEARCH_NAME = 100;

    private static final Logger LOG = LoggerFactory.getLogger(FleetStore.class);

    private final Database db;
    private final Database journal;
    private final JournalFile journalAccess;
    private final List<String> recoveryMessages;
    private final Clock clock;
    private final CachedTable<Artefact> artefacts;
    private final CachedTable<AuthKey> authKeys;
    private final CachedTable<DeviceIdentity> deviceIdentities;
    private final ActivityLog activity;
    private final AtomicLong deviceGeneration = new AtomicLong();
    private final Object indexLock = new Object();
    private volatile IndexSnapshot index = new IndexSnapshot(null, -1);

    private record IndexSnapshot(FleetIndex index, long generation) {
    }

    private FleetStore(Database db, Database journal, Clock clock, List<String> recoveryMessages) {
        this.db = db;
        this.journal = journal;
        this.journalAccess = new JournalFile(journal);
        this.recoveryMessages = List.copyOf(recoveryMessages);
        this.clock = clock;
        artefacts = new CachedTable<>(db, clock, TableMapping.ARTEFACTS);
        authKeys = new CachedTable<>(db, clock, TableMapping.AUTH_KEYS);
        deviceIdentities = new CachedTable<>(db, clock, TableMapping.DEVICE_IDENTITIES);
        activity = new ActivityLog(journal, clock);
    }

    /**
     * Opens the cache in {@code file} and its journal beside it, creating them (and their folder) if needed and
     * migrating their schemas. A cache from before the journal file had its own (schema version 2 or older) has its
     * rollouts, activity and saved searches moved to the journal file first.
     *
     * @throws StoreCorruptException the cache is damaged or not a Fleetdesk cache
     * @throws JournalCorruptException the journal is damaged or not a Fleetdesk journal
     * @throws StoreLockedException another program held a file's lock for longer than 5 seconds
     * @throws StoreException any other failure, with a message saying what to do
     */
    public static FleetStore open(Path file) {
        return open(file, Clock.systemUTC(), DEFAULT_BUSY_TIMEOUT);
    }

    /** As {@link #open(Path)}, with the clock for sync stamps and how long to wait for another program's lock. */
    public static FleetStore open(Path file, Clock clock, Duration busyTimeout) {
        Database journal = openJournal(file, busyTimeout);
        try {
            return new FleetStore(openCache(file, journal, busyTimeout), journal, clock, List.of());
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /**
     * Opens like {@link #open(Path)}, repairing what is damaged; {@link #recoveryMessages()} then says what was done.
     * A damaged journal is moved aside (kept) and a new one started with every row that could still be read from it.
     * A damaged cache is moved aside (kept) and a new, empty one started, to be rebuilt by the next sync; the journal
     * file is not touched (the rollouts, activity and saved searches that a cache of schema version 2 or older still
     * held are recovered from it first).
     */
    public static FleetStore openRecovering(Path file) {
        return openRecovering(file, Clock.systemUTC(), DEFAULT_BUSY_TIMEOUT);
    }

    /** As {@link #openRecovering(Path)}, with the clock for sync stamps and the damaged files' names. */
    public static FleetStore openRecovering(Path file, Clock clock, Duration busyTimeout) {
        List<String> messages = new ArrayList<>();
        Database journal;
        try {
            journal = openJournal(file, busyTimeout);
        } catch (JournalCorruptException e) {
            journal = recoverJournal(StorePaths.journalFile(file), e, clock, busyTimeout, messages);
        }
        try {
            Database cache;
            try {
                cache = openCache(file, journal, busyTimeout);
            } catch (StoreCorruptException e) {
                cache = recoverCache(file, journal, e, clock, busyTimeout, messages);
            }
            return new FleetStore(cache, journal, clock, messages);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    private static Database openJournal(Path cacheFile, Duration busyTimeout) {
        return Database.open(StorePaths.journalFile(cacheFile), FileKind.JOURNAL, busyTimeout,
                Migrations.BeforeVersion.NOTHING);
    }

    private static Database openCache(Path file, Database journal, Duration busyTimeout) {
        return Database.open(file, FileKind.CACHE, busyTimeout, (connection, version) -> {
            if (version == Migrations.JOURNALS_MOVED_OUT) {
                JournalRows.moveOut(connection, journal.file());
            }
        });
    }

    private static Database recoverJournal(Path file, JournalCorruptException damage, Clock clock,
                                           Duration busyTimeout, List<String> messages) {
        Path aside = StorePaths.moveAside(damage.file(), clock);
        Database journal = Database.open(file, FileKind.JOURNAL, busyTimeout, Migrations.BeforeVersion.NOTHING);
        JournalRows.Salvage salvage;
        try {
            salvage = JournalRows.salvage(aside, journal);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        String message = "The journal " + journal.file() + " (rollouts, activity log, saved searches) was damaged. It"
                + " was moved to " + aside + " and a new journal was started with what could still be read from it: "
                + salvage.describe() + "."
                + (salvage.complete() ? "" : " Some of its rows could not be read; the damaged file is kept for"
                        + " inspection, and the deployments of a rollout that is missing still exist in the"
                        + " organisation (fleetdesk deployments list shows them).");
        LOG.error(message, damage);
        messages.add(message);
        return journal;
    }

    private static Database recoverCache(Path file, Database journal, StoreCorruptException damage, Clock clock,
                                         Duration busyTimeout, List<String> messages) {
        Path aside = StorePaths.moveAside(damage.file(), clock);
        JournalRows.Salvage salvage = JournalRows.salvage(aside, journal);
        Database cache = openCache(file, journal, busyTimeout);
        String message = "The local cache " + cache.file() + " was damaged, so it was moved to " + aside + " and a new"
                + " one was started: a sync rebuilds it from the organisation (the app syncs when it opens; from the"
                + " command line run fleetdesk devices sync). Rollouts, the activity log and saved searches are kept"
                + " in their own file, " + journal.file() + ", and are safe"
                + (salvage.total() == 0 ? "." : "; this older cache still held some, and " + salvage.describe()
                        + " were recovered from it into that file"
                        + (salvage.complete() ? "." : " (some rows could not be read; the damaged file is kept)."));
        LOG.warn(message, damage);
        messages.add(message);
        return cache;
    }

    /** What {@link #openRecovering} repaired, one message per damaged file, for the user; empty when nothing was. */
    public List<String> recoveryMessages() {
        return recoveryMessages;
    }

    public Path file() {
        return db.file();
    }

    /** The file of the rollout and activity journals and the saved searches. */
    public Path journalFile() {
        return journal.file();
    }

    // ---- devices ----

    /**
     * Makes the cache hold exactly {@code devices}, in one transaction: new ones are added, changed ones updated,
     * those missing from the collection deleted (with their deployments). Unchanged devices are not rewritten.
     * Stamps {@link CachedResource#DEVICES} as fully synced now. If two devices share an id, the later one is kept.
     */
    public DeviceChanges replaceDevices(Collection<Device> devices) {
        List<Device> all = List.copyOf(devices);
        return replace(writer -> writer.devices(all));
    }

    /**
     * Makes the cache hold exactly the organisation in {@code snapshot} (devices, artefacts, auth-key metadata, device
     * identities) in one transaction: either all four are replaced and stamped as fully synced now, or, if anything
     * fails, nothing changes. Devices are replaced as by {@link #replaceDevices}; auth-key secrets are never stored.
     */
    public DeviceChanges replaceAll(FleetSnapshot snapshot) {
        return replace(writer -> {
            writer.devices(snapshot.devices());
            writer.artefacts(snapshot.artefacts());
            writer.authKeys(snapshot.authKeys());
            writer.deviceIdentities(snapshot.deviceIdentities());
        });
    }

    /**
     * Runs {@code feed} in one write transaction and gives it a {@link FleetWriter} to write a sync's results while
     * they arrive (devices page by page). When the feed returns, the devices its last read did not list are removed,
     * every resource it wrote is stamped as fully synced, and the transaction commits; if it throws, nothing changes.
     * Other writers wait until the feed is done (readers do not).
     */
    public DeviceChanges replace(FleetFeed feed) {
        return writeDevices(c -> {
            FleetWriter writer = new FleetWriter(c, clock, this);
            try {
                feed.writeTo(writer);
                return writer.finish();
            } finally {
                writer.close();
            }
        });
    }

    /** Adds or updates one device (after the API confirmed it). */
    public void upsertDevice(Device device) {
        writeDevices(c -> {
            new DeviceWrites(c).upsert(device);
            return null;
        });
    }

    /** Removes one device and its deployments (after the API deleted it); false when it was not cached. */
    public boolean deleteDevice(String id) {
        return writeDevices(c -> new DeviceWrites(c).delete(id));
    }

    public Optional<Device> device(String id) {
        return db.read(c -> new DeviceReads(c).device(id));
    }

    /** One page of the devices matching {@code query}, in {@code sort} order. */
    public List<Device> search(DeviceQuery query, DeviceSort sort, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        return db.read(c -> new DeviceReads(c).search(query, sort, offset, limit));
    }

    public int count(DeviceQuery query) {
        return db.read(c -> new DeviceReads(c).count(query));
    }

    /** The ids of every matching device in {@code sort} order. */
    public List<String> matchingIds(DeviceQuery query, DeviceSort sort) {
        return db.read(c -> new DeviceReads(c).matchingIds(query, sort));
    }

    /** Counts per model, memory, OS and tag, and of old clients, among the devices matching {@code query}. */
    public FacetCounts facets(DeviceQuery query) {
        return db.read(c -> new DeviceReads(c).facets(query));
    }

    /**
     * The cached fleet in memory, indexed for interactive search. Built from the cache on first use and again after
     * any device was written; the same instance is returned while nothing changed. The first call after a change
     * takes a few hundred milliseconds for 100,000 devices: call it off the UI thread.
     */
    public FleetIndex index() {
        IndexSnapshot current = index;
        if (current.generation() == deviceGeneration.get()) {
            return current.index();
        }
        synchronized (indexLock) {
            long generation = deviceGeneration.get();
            if (index.generation() == generation) {
                return index.index();
            }
            FleetIndex built = FleetIndex.of(db.read(c -> new DeviceReads(c).all()));
            // A write that committed while we read makes this index stale: the generation differs, so it is rebuilt.
            index = new IndexSnapshot(built, generation);
            return built;
        }
    }

    private <T> T writeDevices(Database.Work<T> work) {
        try {
            return db.write(work);
        } finally {
            deviceGeneration.incrementAndGet();
        }
    }

    // ---- deployments ----

    /** Replaces a cached device's deployments (in the API's order); false, and nothing stored, if it is not cached. */
    public boolean putDeployments(String deviceId, List<Deployment> deployments) {
        return db.write(c -> Deployments.put(c, deviceId, deployments));
    }

    public List<Deployment> deployments(String deviceId) {
        return db.read(c -> Deployments.of(c, deviceId));
    }

    // ---- other resources ----

    public CachedTable<Artefact> artefacts() {
        return artefacts;
    }

    /** Auth-key metadata. The secret is dropped on write: keys read back always have a null secret. */
    public CachedTable<AuthKey> authKeys() {
        return authKeys;
    }

    public CachedTable<DeviceIdentity> deviceIdentities() {
        return deviceIdentities;
    }

    /** The journal of what Fleetdesk changed in this organisation. */
    public ActivityLog activity() {
        return activity;
    }

    /** When {@code resource} was last replaced by a complete sync, if ever. */
    public Optional<SyncState> lastSync(CachedResource resource) {
        return db.read(c -> SyncStates.read(c, resource));
    }

    // ---- saved searches ----

    /** Saves {@code query} under {@code name}, replacing a saved search of that name. */
    public SavedSearch saveSearch(String name, DeviceQuery query) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("A saved search needs a name.");
        }
        if (trimmed.length() > MAX_SAVED_SEARCH_NAME) {
            throw new InvalidInputException("The name of a saved search can have at most " + MAX_SAVED_SEARCH_NAME
                    + " characters; this one has " + trimmed.length() + ".");
        }
        Instant now = clock.instant();
        journal.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO saved_searches(name, query, updated_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET query = excluded.query,"
                    + " updated_at = excluded.updated_at")) {
                ps.setString(1, trimmed);
                ps.setString(2, QueryPrinter.print(query));
                ps.setLong(3, now.toEpochMilli());
                return ps.executeUpdate();
            }
        });
        return new SavedSearch(trimmed, query, Instant.ofEpochMilli(now.toEpochMilli()));
    }

    /** Every saved search, by name. */
    public List<SavedSearch> savedSearches() {
        return journal.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, query, updated_at FROM saved_searches ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                List<SavedSearch> searches = new ArrayList<>();
                while (rs.next()) {
                    searches.add(new SavedSearch(rs.getString(1), QueryParser.parse(rs.getString(2)),
                            Instant.ofEpochMilli(rs.getLong(3))));
                }
                return searches;
            }
        });
    }

    public boolean deleteSavedSearch(String name) {
        return journal.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM saved_searches WHERE name = ?")) {
                ps.setString(1, name == null ? "" : name.strip());
                return ps.executeUpdate() > 0;
            }
        });
    }

    // ---- the journal file, for tables of other packages (rollout journal) ----

    /** The journal file, where the rollout package keeps its tables. */
    public JournalFile journal() {
        return journalAccess;
    }

    @Override
    public void close() {
        try {
            db.close();
        } finally {
            journal.close();
        }
    }
}
