package org.fleetdesk.ui.shell;

import org.fleetdesk.store.CacheAges;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.api.ApiException;
import org.fleetdesk.api.NetworkException;
import org.fleetdesk.api.UnauthorizedException;
import org.fleetdesk.secrets.Profile;
import org.fleetdesk.store.CachedResource;
import org.fleetdesk.store.SyncState;
import org.fleetdesk.sync.SyncReport;
import org.fleetdesk.ui.common.ConnectionState;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.RunningTask;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.common.TaskExecutor;

/**
 * The main window's state: which organisation is open, the accounts to switch between, the connection and sync
 * state for the status bar and banners. Opening, syncing and reconnecting all run through the task executor.
 */
public final class ShellViewModel {
    static final long RECONNECT_SECONDS = 30;

    private final SessionFactory sessions;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Fleetdesk");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<Account> accounts = FXCollections.observableArrayList();
    private final ScheduledExecutorService reconnectTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fleetdesk-reconnect");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> reconnect;
    private RunningTask runningSync;

    public ShellViewModel(SessionFactory sessions, TaskExecutor executor, Clock clock) {
        this.sessions = sessions;
        this.executor = executor;
        this.clock = clock;
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The last failure to open an organisation, in words; empty when there is none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<Account> accounts() {
        return accounts;
    }

    public Clock clock() {
        return clock;
    }

    public SessionFactory sessions() {
        return sessions;
    }

    /** Reloads the account list (saved profiles, then the demo). */
    public void refreshAccounts(List<Profile> profiles) {
        accounts.setAll(profiles.stream().map(Account::of).toList());
        accounts.add(Account.demo());
    }

    public void open(Account account) {
        error.set("");
        executor.submit("Opening " + account.label(), progress -> account.isDemo()
                        ? sessions.openDemo() : sessions.openProfile(account.profile()),
                this::show, failure -> error.set("Could not open " + account.label() + ": "
                        + ErrorMessages.describe(failure)));
    }

    /** Makes an opened session the window's, closes the previous one, and syncs. */
    public void show(Session opened) {
        Session previous = session.get();
        cancelReconnect();
        session.set(opened);
        title.set("Fleetdesk — " + opened.name());
        if (!opened.isDemo()) {
            executor.submit("Remembering " + opened.name(), progress -> sessions.profiles().use(opened.name()),
                    ignored -> { }, failure -> { });
        }
        if (previous != null) {
            executor.submit("Closing " + previous.name(), progress -> {
                previous.close();
                return null;
            }, ignored -> { }, failure -> { });
        }
        executor.submit("Reading the cache", progress -> opened.store().lastSync(CachedResource.DEVICES),
                state -> {
                    state.map(SyncState::lastFullSync).ifPresent(opened::setLastSync);
                    opened.cacheChanged();
                    sync();
                }, failure -> sync());
    }

    /** Brings the cache up to date (Ctrl/Cmd+R); a sync already running is not started twice. */
    public void sync() {
        Session current = session.get();
        if (current == null || (runningSync != null && !runningSync.doneProperty().get())) {
            return;
        }
        runningSync = executor.submit("Syncing " + current.name(), progress -> current.sync().syncAll(
                        (resource, done, total) -> progress.update(done, total, "Syncing " + resource + " — page "
                                + done + " of " + total), progress::isCancelled),
                report -> synced(current, report), failure -> syncFailed(current, failure));
    }

    private void synced(Session current, SyncReport report) {
        current.setConnection(ConnectionState.ONLINE, report.summary());
        current.setLastSync(clock.instant());
        current.cacheChanged();
    }

    private void syncFailed(Session current, Throwable failure) {
        if (failure instanceof java.util.concurrent.CancellationException) {
            return;
        }
        if (failure instanceof UnauthorizedException) {
            current.setConnection(ConnectionState.TOKEN_REFUSED, ErrorMessages.describe(failure));
            return;
        }
        boolean unreachable = failure instanceof NetworkException || failure instanceof ApiException api && api.status() >= 500;
        if (unreachable || failure instanceof ApiException) {
            current.setConnection(ConnectionState.OFFLINE, ErrorMessages.headline(failure) + " — "
                    + CacheAges.synced(current.lastSyncProperty().get(), clock.instant())
                    + ". Retrying every " + RECONNECT_SECONDS + " s.");
            scheduleReconnect(current);
        } else {
            current.setConnection(ConnectionState.OFFLINE, ErrorMessages.describe(failure));
        }
    }

    private void scheduleReconnect(Session current) {
        cancelReconnect();
        reconnect = reconnectTimer.schedule(() -> executor.runOnUiThread(() -> {
            if (session.get() == current) {
                sync();
            }
        }), RECONNECT_SECONDS, TimeUnit.SECONDS);
    }

    private void cancelReconnect() {
        if (reconnect != null) {
            reconnect.cancel(false);
        }
    }

    public void shutdown() {
        reconnectTimer.shutdownNow();
        Session current = session.get();
        if (current != null) {
            current.close();
        }
    }
}
