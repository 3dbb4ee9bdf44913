package org.fleetdesk.ui.identities;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.provision.BulkIdentities;
import org.fleetdesk.provision.BulkResult;
import org.fleetdesk.provision.IdentityDigests;
import org.fleetdesk.provision.IdentityEntry;
import org.fleetdesk.provision.IdentitySigning;
import org.fleetdesk.provision.IdentitySources;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.provision.BatchRun;
import org.fleetdesk.ui.common.Session;

/**
 * Registering many device identities: a folder of {@code <name>.pem} public keys or a CSV
 * ({@code public_key_file,description,device_name,tags}), signed by a folder of {@code <name>.key.pem} private keys or by
 * a file of signatures made on the devices over the exported digests; then the run with progress and each row's outcome.
 */
public final class BulkIdentitiesViewModel {
    /** Where the signatures come from. */
    public enum Signing {
        PRIVATE_KEYS("Private keys folder (<name>.key.pem)"), SIGNATURES("Signatures file (name,signature)");

        private final String label;

        Signing(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Session session;
    private final ObjectProperty<Path> source = new SimpleObjectProperty<>();
    private final ObjectProperty<Signing> signing = new SimpleObjectProperty<>(Signing.PRIVATE_KEYS);
    private final ObjectProperty<Path> signingSource = new SimpleObjectProperty<>();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<IdentityEntry> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BatchRun<DeviceIdentity> batch = new BatchRun<>();

    BulkIdentitiesViewModel(Session session) {
        this.session = session;
        source.addListener((obs, old, now) -> load());
        tags.addListener((ListChangeListener<String>) change -> load());
    }

    /** A folder of public keys, or a CSV file. */
    public ObjectProperty<Path> sourceProperty() {
        return source;
    }

    public ObjectProperty<Signing> signingProperty() {
        return signing;
    }

    /** The private keys folder or the signatures file, as {@link #signingProperty()} says. */
    public ObjectProperty<Path> signingSourceProperty() {
        return signingSource;
    }

    public ObservableList<String> tags() {
        return tags;
    }

    /** The identities read from the source, checked; empty while there is a problem. */
    public ObservableList<IdentityEntry> rows() {
        return rows;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The batch in progress or last run: outcomes, progress, summary, cancel. */
    public BatchRun<DeviceIdentity> batch() {
        return batch;
    }

    /** Writes the digests the devices must sign (CSV name,sha256) to a new file. */
    public void exportDigests(Path file) {
        List<IdentityEntry> chosen = List.copyOf(rows);
        session.executor().submit("Computing " + chosen.size() + " digests", p -> {
            String csv = IdentityDigests.toCsv(IdentityDigests.of(session.client(), chosen));
            return Files.writeString(file, csv, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        }, written -> batch.say("Wrote " + chosen.size() + " digests to " + written + ": sign each on its device and"
                + " collect the rows name,signature in one file."), failure -> problem.set(ErrorMessages.describe(failure)));
    }

    public void start() {
        List<IdentityEntry> chosen = List.copyOf(rows);
        Path signer = signingSource.get();
        if (chosen.isEmpty() || batch.isRunning()) {
            return;
        }
        if (signer == null) {
            problem.set(signing.get() == Signing.PRIVATE_KEYS ? "Choose the folder of <name>.key.pem private keys."
                    : "Choose the file of signatures (rows name,signature).");
            return;
        }
        Signing mode = signing.get();
        batch.begin("Registering " + chosen.size() + " identities…");
        session.executor().submit("Registering " + chosen.size() + " identities", task -> {
            IdentitySigning signatures = mode == Signing.PRIVATE_KEYS ? IdentitySigning.privateKeys(signer)
                    : IdentitySigning.signatures(signer);
            BulkResult<DeviceIdentity> result = new BulkIdentities(session.client(), session.limiter()).register(
                    chosen, signatures, (done, total, latest) -> {
                        task.update(done, total, latest.name());
                        session.executor().runOnUiThread(() -> batch.step(latest, done, total));
                    }, () -> batch.cancelRequested() || task.isCancelled());
            result.values().forEach(identity -> session.store().deviceIdentities().upsert(identity));
            return result;
        }, this::finished, failure -> batch.fail(ErrorMessages.describe(failure)));
    }

    private void finished(BulkResult<DeviceIdentity> result) {
        int failed = result.failed().size() + result.notStarted().size();
        batch.finish(result.outcomes(), result.succeeded().size() + " of " + result.outcomes().size()
                + " identities registered" + (failed > 0 ? "; " + failed + " not registered: see their messages." : "."));
        session.cacheChanged();
    }

    private void load() {
        Path from = source.get();
        rows.clear();
        if (from == null) {
            problem.set("");
            return;
        }
        List<String> common = List.copyOf(tags);
        session.executor().submit("Reading " + from.getFileName(), p -> Files.isDirectory(from)
                ? IdentitySources.fromFolder(from, common) : IdentitySources.fromCsv(from, common), entries -> {
                    rows.setAll(entries);
                    problem.set("");
                }, failure -> problem.set(ErrorMessages.describe(failure)));
    }
}
