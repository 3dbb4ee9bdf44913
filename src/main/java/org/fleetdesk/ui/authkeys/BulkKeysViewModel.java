package org.fleetdesk.ui.authkeys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.provision.AuthKeyPlan;
import org.fleetdesk.provision.BulkAuthKeys;
import org.fleetdesk.provision.BulkResult;
import org.fleetdesk.provision.NameEntry;
import org.fleetdesk.provision.NameList;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.provision.BatchRun;
import org.fleetdesk.ui.common.Session;
import org.fleetdesk.ui.common.TaskExecutor;

/**
 * Creating many auth keys: names from a pattern ({@code pi5-{001..250}}) or a list (one per line, or CSV
 * {@code name,tags}), a preview of the names, then the run with its progress and each name's outcome. The created
 * keys, with their secrets, are handed over once with {@link #takeCreated()}.
 */
public final class BulkKeysViewModel {
    /** How the names text is read. */
    public enum Source {
        PATTERN("Name pattern"), LIST("List of names");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final long MAX_FILE = 4 * 1024 * 1024;

    private final Session session;
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.PATTERN);
    private final StringProperty names = new SimpleStringProperty("");
    private final IntegerProperty ttlDays = new SimpleIntegerProperty(1);
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<String> preview = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BatchRun<AuthKey> batch = new BatchRun<>();
    private final List<AuthKey> created = new ArrayList<>();
    private AuthKeyPlan plan;

    BulkKeysViewModel(Session session) {
        this.session = session;
        source.addListener((obs, old, now) -> updatePreview());
        names.addListener((obs, old, now) -> updatePreview());
        ttlDays.addListener((obs, old, now) -> updatePreview());
        tags.addListener((ListChangeListener<String>) change -> updatePreview());
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public StringProperty namesProperty() {
        return names;
    }

    public IntegerProperty ttlDaysProperty() {
        return ttlDays;
    }

    public ObservableList<String> tags() {
        return tags;
    }

    /** The names that will get a key (with their own tags), as the plan stands. */
    public ObservableList<String> preview() {
        return preview;
    }

    /** What is wrong with the names or tags, or "" when the batch can start. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The batch in progress or last run: outcomes, progress, summary, cancel. */
    public BatchRun<AuthKey> batch() {
        return batch;
    }

    TaskExecutor executor() {
        return session.executor();
    }

    public boolean canStart() {
        return plan != null && !batch.isRunning();
    }

    /** Reads a list of names (text or CSV) from a file into the names. */
    public void loadFile(Path file) {
        session.executor().submit("Reading " + file.getFileName(), p -> {
            if (Files.isDirectory(file)) {
                throw new InvalidInputException(file + " is a folder: choose a text or CSV file of names.");
            }
            if (Files.size(file) > MAX_FILE) {
                throw new InvalidInputException(file.getFileName() + " is larger than 4 MB: is it a list of names?");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        }, text -> {
            source.set(Source.LIST);
            names.set(text);
        }, failure -> problem.set(ErrorMessages.describe(failure)));
    }

    /** Creates the previewed keys with the organisation's shared limiter; one failure does not stop the others. */
    public void start() {
        if (!canStart()) {
            return;
        }
        AuthKeyPlan chosen = plan;
        int total = chosen.keys().size();
        batch.begin("Creating " + total + " auth keys…");
        session.executor().submit("Creating " + total + " auth keys", task -> {
            BulkResult<AuthKey> result = new BulkAuthKeys(session.client(), session.limiter()).create(chosen, null,
                    (done, all, latest) -> {
                        task.update(done, all, latest.name());
                        session.executor().runOnUiThread(() -> batch.step(latest, done, all));
                    }, () -> batch.cancelRequested() || task.isCancelled());
            result.values().forEach(key -> session.store().authKeys().upsert(key.withoutSecret()));
            return result;
        }, this::finished, failure -> batch.fail(ErrorMessages.describe(failure)));
    }

    /** The created keys with their secrets, once: later calls return nothing. */
    public List<AuthKey> takeCreated() {
        List<AuthKey> taken = List.copyOf(created);
        created.clear();
        return taken;
    }

    private void finished(BulkResult<AuthKey> result) {
        created.addAll(result.values());
        int failed = result.failed().size();
        int notStarted = result.notStarted().size();
        batch.finish(result.outcomes(), result.succeeded().size() + " of " + result.outcomes().size() + " keys created"
                + (failed > 0 ? ", " + failed + " failed" : "") + (notStarted > 0 ? ", " + notStarted + " not started" : "")
                + ". Save the secrets now: they cannot be shown again.");
        session.cacheChanged();
    }

    private void updatePreview() {
        plan = null;
        preview.clear();
        String text = names.get() == null ? "" : names.get();
        if (text.isBlank()) {
            problem.set("");
            return;
        }
        try {
            List<NameEntry> entries = source.get() == Source.PATTERN ? NameList.fromPattern(text)
                    : NameList.parse(text, "The list");
            plan = AuthKeyPlan.of(entries, ttlDays.get(), List.copyOf(tags));
            preview.setAll(plan.keys().stream().map(k -> k.description()
                    + (k.tags().isEmpty() ? "" : "  [" + String.join(", ", k.tags()) + "]")).toList());
            problem.set("");
        } catch (InvalidInputException e) {
            problem.set(e.getMessage());
        }
    }
}
