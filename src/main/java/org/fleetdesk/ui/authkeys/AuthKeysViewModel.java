package org.fleetdesk.ui.authkeys;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.AuthKeyUpdate;
import org.fleetdesk.api.NewAuthKey;
import org.fleetdesk.api.NotFoundException;
import org.fleetdesk.provision.AuthKeyCreator;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.Session;

/**
 * The auth keys of the open organisation, from the cache, in the API's order (usable, then expired, then exchanged;
 * newest first in each), filtered by state; and what can be done to them. Every change goes to the API first, then
 * the cache is updated from its answer. A new key's secret is handed to the caller once and never kept here.
 */
public final class AuthKeysViewModel {
    /** The state filter of the list. */
    public enum StateFilter {
        ALL("All states"), USABLE("Usable"), EXPIRED("Expired"), EXCHANGED("Exchanged");

        private final String label;

        StateFilter(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Session session;
    private final Clock clock;
    private final ObservableList<AuthKey> all = FXCollections.observableArrayList();
    private final FilteredList<AuthKey> visible = new FilteredList<>(all);
    private final ObjectProperty<StateFilter> filter = new SimpleObjectProperty<>(StateFilter.ALL);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public AuthKeysViewModel(Session session) {
        this(session, Clock.systemUTC());
    }

    AuthKeysViewModel(Session session, Clock clock) {
        this.session = session;
        this.clock = clock;
        filter.addListener((obs, old, now) -> applyFilter());
        session.cacheVersionProperty().addListener((obs, old, now) -> reload());
    }

    public ObservableList<AuthKey> keys() {
        return visible;
    }

    public ObjectProperty<StateFilter> filterProperty() {
        return filter;
    }

    /** What the last action did or why it failed, in words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Session session() {
        return session;
    }

    public AuthKey.State stateOf(AuthKey key) {
        return key.stateAt(now());
    }

    public Instant now() {
        return clock.instant();
    }

    /** Reads the cached keys. */
    public void reload() {
        session.executor().submit("Reading auth keys", progress -> session.store().authKeys().all(), keys -> {
            all.setAll(keys.stream().sorted(apiOrder()).toList());
            applyFilter();
        }, this::failed);
    }

    /** Fetches the keys from the API into the cache. */
    public void refresh() {
        status.set("Refreshing auth keys…");
        session.executor().submit("Refreshing auth keys", progress -> {
            List<AuthKey> keys = session.client().listAllAuthKeys();
            session.store().authKeys().replaceAll(keys);
            return keys.size();
        }, count -> {
            status.set(count + " auth keys.");
            session.cacheChanged();
        }, this::failed);
    }

    /** Creates one key; {@code onCreated} receives it with its secret, the only time it is available. */
    public void create(NewAuthKey key, Consumer<AuthKey> onCreated, Consumer<String> onFailed) {
        session.executor().submit("Creating auth key " + key.description(), progress -> {
            AuthKeyCreator.Created created = AuthKeyCreator.start(session.client(), session.limiter()).create(key);
            session.store().authKeys().upsert(created.key().withoutSecret());
            return created.key();
        }, created -> {
            status.set("Created auth key " + created.description() + ".");
            session.cacheChanged();
            onCreated.accept(created);
        }, failure -> onFailed.accept(ErrorMessages.describe(failure)));
    }

    /** Changes a key; once it has expired or been exchanged the server refuses, and {@code onFailed} gets its reason. */
    public void update(String id, AuthKeyUpdate update, Runnable onDone, Consumer<String> onFailed) {
        session.executor().submit("Updating an auth key", progress -> {
            AuthKey updated = session.client().updateAuthKey(id, update);
            session.store().authKeys().upsert(updated);
            return updated;
        }, updated -> {
            status.set("Updated auth key " + updated.description() + ".");
            session.cacheChanged();
            onDone.run();
        }, failure -> onFailed.accept(ErrorMessages.describe(failure)));
    }

    /** Deletes the keys one by one; a key that is already gone counts as deleted. */
    public void delete(List<AuthKey> keys) {
        List<AuthKey> chosen = List.copyOf(keys);
        session.executor().submit("Deleting " + chosen.size() + " auth keys", progress -> {
            int done = 0;
            for (AuthKey key : chosen) {
                try {
                    session.client().deleteAuthKey(key.id());
                } catch (NotFoundException alreadyGone) {
                    // someone else deleted it: the cache follows
                }
                session.store().authKeys().delete(key.id());
                progress.update(++done, chosen.size(), key.description());
            }
            return done;
        }, done -> {
            status.set("Deleted " + done + (done == 1 ? " auth key." : " auth keys."));
            session.cacheChanged();
        }, failure -> {
            failed(failure);
            session.cacheChanged();
        });
    }

    public CreateKeyForm newForm() {
        return new CreateKeyForm();
    }

    public BulkKeysViewModel newBulk() {
        return new BulkKeysViewModel(session);
    }

    public SecretsViewModel secrets(List<AuthKey> created) {
        return new SecretsViewModel(session.executor(), created);
    }

    private void applyFilter() {
        StateFilter chosen = filter.get();
        Instant now = now();
        visible.setPredicate(key -> chosen == null || chosen == StateFilter.ALL
                || key.stateAt(now).name().equals(chosen.name()));
    }

    private Comparator<AuthKey> apiOrder() {
        Instant now = now();
        return Comparator.comparing((AuthKey k) -> k.stateAt(now))
                .thenComparing(AuthKey::createdAt, Comparator.nullsLast(Comparator.reverseOrder()));
    }

    private void failed(Throwable failure) {
        status.set(ErrorMessages.describe(failure));
    }
}
