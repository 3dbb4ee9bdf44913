package org.fleetdesk.ui.artefacts;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.NewArtefact;
import org.fleetdesk.api.Validation;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.RunningTask;
import org.fleetdesk.ui.common.Session;

/**
 * The "new artefact" form: name, https URI and checksum, checked as the API checks them while typing. The checksum is
 * typed, computed from a local file (streamed, with progress, cancellable) or fetched from {@code <URI>.sha256}.
 */
public final class NewArtefactViewModel {
    private final Session session;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty uri = new SimpleStringProperty("");
    private final StringProperty checksum = new SimpleStringProperty("");
    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty uriError = new SimpleStringProperty("");
    private final StringProperty checksumError = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty progressText = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding valid;
    private RunningTask running;

    public NewArtefactViewModel(Session session) {
        this.session = session;
        name.addListener((o, was, now) -> nameError.set(problem(() -> Validation.requireNotBlank(now, "Name"))));
        uri.addListener((o, was, now) -> uriError.set(problem(() -> Validation.requireHttpsUri(now))));
        checksum.addListener((o, was, now) -> checksumError.set(problem(() -> Validation.requireChecksum(now.strip()))));
        valid = Bindings.createBooleanBinding(() -> nameError.get().isEmpty() && uriError.get().isEmpty()
                && checksumError.get().isEmpty() && !name.get().isBlank() && !uri.get().isBlank()
                && !checksum.get().isBlank(), nameError, uriError, checksumError, name, uri, checksum);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty uriProperty() {
        return uri;
    }

    public StringProperty checksumProperty() {
        return checksum;
    }

    public StringProperty nameErrorProperty() {
        return nameError;
    }

    public StringProperty uriErrorProperty() {
        return uriError;
    }

    public StringProperty checksumErrorProperty() {
        return checksumError;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** What the running checksum task is doing ("Computing … 42%"). */
    public StringProperty progressTextProperty() {
        return progressText;
    }

    /** 0 to 1 while computing from a file; -1 when unknown or idle. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Every field valid, nothing running and the API answering. */
    public BooleanBinding canCreateProperty() {
        return valid.and(busy.not()).and(session.writableProperty());
    }

    public void computeChecksum(Path file) {
        runChecksum("Computing the checksum of " + file.getFileName(), task -> FileChecksum.compute(file, task));
    }

    public void fetchChecksum() {
        String image = uri.get();
        runChecksum("Fetching " + ChecksumFile.uriFor(image), task -> ChecksumFile.fetch(image));
    }

    /** Cancels the checksum being computed or fetched. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    public void create(Consumer<Artefact> created) {
        error.set("");
        NewArtefact artefact = new NewArtefact(name.get().strip(), uri.get().strip(), checksum.get().strip().toLowerCase(
                java.util.Locale.ROOT));
        busy.set(true);
        session.executor().submit("Creating artefact " + artefact.name(), task -> {
            Artefact made = session.client().createArtefact(artefact);
            session.store().artefacts().upsert(made);
            return made;
        }, made -> {
            busy.set(false);
            session.cacheChanged();
            created.accept(made);
        }, failure -> {
            busy.set(false);
            error.set(ErrorMessages.describe(failure));
        });
    }

    private interface ChecksumWork {
        String run(org.fleetdesk.ui.common.BackgroundTask.Progress task);
    }

    private void runChecksum(String title, ChecksumWork work) {
        error.set("");
        busy.set(true);
        progress.set(-1);
        progressText.set(title + "…");
        running = session.executor().submit(title, work::run, hex -> {
            finishChecksum("");
            checksum.set(hex);
        }, failure -> finishChecksum(failure instanceof java.util.concurrent.CancellationException ? ""
                : ErrorMessages.describe(failure)));
        running.progressProperty().addListener((o, was, now) -> progress.set(now.doubleValue()));
        running.messageProperty().addListener((o, was, now) -> progressText.set(now));
    }

    private void finishChecksum(String failure) {
        busy.set(false);
        progress.set(-1);
        progressText.set("");
        error.set(failure);
        running = null;
    }

    private static String problem(Runnable check) {
        try {
            check.run();
            return "";
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }
}
