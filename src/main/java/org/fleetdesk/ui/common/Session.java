package org.fleetdesk.ui.common;

import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.RequestLimiter;
import org.fleetdesk.store.FleetStore;
import org.fleetdesk.sync.FleetSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organisation open in the window: its client (with the limiter every request to it shares), its cache, the
 * task executor, and whether the API is answering. Screens get everything they need from here. Properties change
 * only on the UI thread.
 */
public final class Session implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final String name;
    private final boolean demo;
    private final ConnectClient client;
    private final RequestLimiter limiter;
    private final FleetStore store;
    private final TaskExecutor executor;
    private final AutoCloseable onClose;
    private final FleetSync sync;
    private final ReadOnlyObjectWrapper<ConnectionState> connection = new ReadOnlyObjectWrapper<>(ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper connectionDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Instant> lastSync = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper cacheVersion = new ReadOnlyLongWrapper();
    private final BooleanBinding writable = Bindings.createBooleanBinding(
            () -> connection.get() == ConnectionState.ONLINE, connection);

    public Session(String name, boolean demo, ConnectClient client, RequestLimiter limiter, FleetStore store,
                   TaskExecutor executor, AutoCloseable onClose) {
        this.name = name;
        this.demo = demo;
        this.client = client;
        this.limiter = limiter;
        this.store = store;
        this.executor = executor;
        this.onClose = onClose;
        this.sync = new FleetSync(client, store);
    }

    /** The organisation's display name ("Demo organisation (simulated)" for the demo). */
    public String name() {
        return name;
    }

    public boolean isDemo() {
        return demo;
    }

    public ConnectClient client() {
        return client;
    }

    public RequestLimiter limiter() {
        return limiter;
    }

    public FleetStore store() {
        return store;
    }

    public FleetSync sync() {
        return sync;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** Why the connection is in its state, in words for the banner ("no answer from …", the server's message). */
    public ReadOnlyStringProperty connectionDetailProperty() {
        return connectionDetail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastSyncProperty() {
        return lastSync.getReadOnlyProperty();
    }

    /** Write actions are possible only while the API answers with this token. */
    public BooleanBinding writableProperty() {
        return writable;
    }

    public boolean isWritable() {
        return writable.get();
    }

    /** Sets the detail before the state, so that whoever listens to the state reads the matching detail. */
    public void setConnection(ConnectionState state, String detail) {
        connectionDetail.set(detail == null ? "" : detail);
        connection.set(state);
    }

    public void setLastSync(Instant instant) {
        lastSync.set(instant);
    }

    /** Goes up each time the cache changed (a sync, or a write confirmed by the API): screens reload when it does. */
    public ReadOnlyLongProperty cacheVersionProperty() {
        return cacheVersion.getReadOnlyProperty();
    }

    /** Tells the screens that the cache changed; call on the UI thread. */
    public void cacheChanged() {
        cacheVersion.set(cacheVersion.get() + 1);
    }

    @Override
    public void close() {
        client.close();
        store.close();
        try {
            onClose.close();
        } catch (Exception e) {
            LOG.warn("Closing {} failed: {}", name, e.getMessage());
        }
    }
}
