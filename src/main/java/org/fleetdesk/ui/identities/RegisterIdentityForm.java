package org.fleetdesk.ui.identities;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.fleetdesk.api.DeviceIdentity;
import org.fleetdesk.api.IdentityRequest;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.LocalKeySigner;
import org.fleetdesk.api.NewDeviceIdentity;
import org.fleetdesk.provision.IdentityRegistrar;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.Session;

/**
 * "Register a device identity": public key, description, device name, tags, then the signature, made on the device
 * over the shown digest or here with the device's private key (held in memory only, never stored). The request is
 * frozen whenever the inputs change, and exactly that frozen request is signed and sent.
 */
public final class RegisterIdentityForm {
    /** Where the signature comes from. */
    public enum Signing {
        ON_DEVICE("Sign on the device"), LOCAL_KEY("Sign with a local private key");

        private final String label;

        Signing(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final long MAX_PEM = 64 * 1024;

    private final Session session;
    private final StringProperty publicKey = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty deviceName = new SimpleStringProperty("");
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObjectProperty<Signing> signing = new SimpleObjectProperty<>(Signing.ON_DEVICE);
    private final StringProperty signature = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper digest = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper privateKeyLoaded = new ReadOnlyBooleanWrapper(false);
    private volatile String privateKeyPem;
    private IdentityRequest prepared;

    RegisterIdentityForm(Session session) {
        this.session = session;
        publicKey.addListener((obs, old, now) -> prepare());
        description.addListener((obs, old, now) -> prepare());
        deviceName.addListener((obs, old, now) -> prepare());
        tags.addListener((ListChangeListener<String>) change -> prepare());
    }

    public StringProperty publicKeyProperty() {
        return publicKey;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty deviceNameProperty() {
        return deviceName;
    }

    public ObservableList<String> tags() {
        return tags;
    }

    public ObjectProperty<Signing> signingProperty() {
        return signing;
    }

    /** The device's Base64 DER signature of {@link #digestProperty()}. */
    public StringProperty signatureProperty() {
        return signature;
    }

    /** SHA-256 hex of the exact request that will be sent: what the device signs. Empty until the inputs are valid. */
    public ReadOnlyStringProperty digestProperty() {
        return digest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty privateKeyLoadedProperty() {
        return privateKeyLoaded.getReadOnlyProperty();
    }

    /** Reads a {@code .pem} public key into the form. */
    public void loadPublicKey(Path file) {
        session.executor().submit("Reading " + file.getFileName(), p -> readPem(file), publicKey::set,
                failure -> problem.set(ErrorMessages.describe(failure)));
    }

    /** Reads the device's private key into memory for signing; it is never written anywhere. */
    public void loadPrivateKey(Path file) {
        session.executor().submit("Reading the private key", p -> {
            String pem = readPem(file);
            LocalKeySigner.fromPem(pem);
            return pem;
        }, pem -> {
            privateKeyPem = pem;
            privateKeyLoaded.set(true);
            prepare();
        }, failure -> problem.set(ErrorMessages.describe(failure)));
    }

    /** Signs (if the key is local) and sends the frozen request; a lost answer is reconciled by looking the key up. */
    public void register(Consumer<DeviceIdentity> onDone, Consumer<String> onFailed) {
        IdentityRequest request = prepared;
        if (request == null) {
            onFailed.accept(problem.get().isEmpty() ? "Give the public key and a description." : problem.get());
            return;
        }
        Signing mode = signing.get();
        String deviceSignature = signature.get();
        String keyPem = privateKeyPem;
        if (mode == Signing.LOCAL_KEY && keyPem == null) {
            onFailed.accept("Load the device's private key first (a PEM file; it stays in memory only).");
            return;
        }
        session.executor().submit("Registering " + request.identity().description(), p -> {
            String signed = mode == Signing.LOCAL_KEY ? LocalKeySigner.fromPem(keyPem).sign(request) : deviceSignature;
            DeviceIdentity identity = new IdentityRegistrar(session.client(), session.limiter())
                    .register(request, signed).identity();
            session.store().deviceIdentities().upsert(identity);
            return identity;
        }, identity -> {
            forgetPrivateKey();
            session.cacheChanged();
            onDone.accept(identity);
        }, failure -> onFailed.accept(ErrorMessages.describe(failure)));
    }

    public void forgetPrivateKey() {
        privateKeyPem = null;
        privateKeyLoaded.set(false);
    }

    private void prepare() {
        prepared = null;
        digest.set("");
        if (publicKey.get().isBlank() || description.get().isBlank()) {
            problem.set("");
            return;
        }
        String name = deviceName.get().isBlank() ? null : deviceName.get().strip();
        try {
            prepared = session.client().prepareDeviceIdentity(new NewDeviceIdentity(publicKey.get(),
                    description.get().strip(), name, List.copyOf(tags)));
            digest.set(prepared.payloadSha256Hex());
            problem.set("");
        } catch (InvalidInputException e) {
            problem.set(e.getMessage());
        }
    }

    private static String readPem(Path file) throws java.io.IOException {
        if (Files.size(file) > MAX_PEM) {
            throw new InvalidInputException(file.getFileName() + " is larger than a PEM key can be: check the file.");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
