package org.fleetdesk.ui.authkeys;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.api.AuthKey;
import org.fleetdesk.provision.KeyFiles;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.TaskExecutor;

/**
 * The one-time view of new secrets: they are shown, copied or saved (one {@code <name>.key} file each, owner-only,
 * never over an existing file; or one CSV), and {@link #forget() forgotten} when the view closes.
 */
public final class SecretsViewModel {
    public static final String REMINDER = KeyFiles.REMINDER;

    private final TaskExecutor executor;
    private final ObservableList<AuthKey> keys;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(false);

    SecretsViewModel(TaskExecutor executor, List<AuthKey> created) {
        this.executor = executor;
        this.keys = FXCollections.observableArrayList(created);
    }

    /** The new keys with their secrets; empty once forgotten. */
    public ObservableList<AuthKey> keys() {
        return keys;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True once the secrets were written somewhere. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** The name a key's file gets: its device name, or its description when it has none. */
    public static String fileName(AuthKey key) {
        return key.deviceName() != null ? key.deviceName() : key.description();
    }

    /** Writes {@code <name>.key} for each key in {@code folder}; {@code numberExisting} writes "name (2).key" beside a file. */
    public void saveKeyFiles(Path folder, boolean numberExisting) {
        List<AuthKey> chosen = List.copyOf(keys);
        KeyFiles files = new KeyFiles(folder, numberExisting ? KeyFiles.ExistingFiles.ADD_NUMBER
                : KeyFiles.ExistingFiles.REFUSE);
        executor.submit("Saving " + chosen.size() + " key files", progress -> {
            files.prepare(chosen.stream().map(SecretsViewModel::fileName).toList());
            for (AuthKey key : chosen) {
                files.write(fileName(key), key.secret());
            }
            return chosen.size();
        }, count -> done("Saved " + count + (count == 1 ? " key file" : " key files") + " in " + folder
                + (KeyFiles.ownerOnlySupported(folder) ? ", readable by you alone." : ".")), this::failed);
    }

    /** Writes one CSV (name, secret, id, expiry); never over an existing file. */
    public void saveCsv(Path file) {
        List<AuthKey> chosen = List.copyOf(keys);
        executor.submit("Saving the secrets as CSV", progress -> {
            try {
                return KeyFiles.writeCsv(file, chosen, KeyFiles.ExistingFiles.REFUSE);
            } catch (IOException e) {
                throw new IOException("Could not write " + file + ": " + e.getMessage(), e);
            }
        }, written -> done("Saved " + chosen.size() + " secrets in " + written + "."), this::failed);
    }

    /** Drops the secrets: after this nothing in Fleetdesk holds them. */
    public void forget() {
        keys.clear();
    }

    private void done(String message) {
        saved.set(true);
        status.set(message);
    }

    private void failed(Throwable failure) {
        status.set("Not saved: " + ErrorMessages.describe(failure));
    }
}
