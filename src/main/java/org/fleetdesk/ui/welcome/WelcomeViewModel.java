package org.fleetdesk.ui.welcome;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.Page;
import org.fleetdesk.api.RetryPolicy;
import org.fleetdesk.api.UnauthorizedException;
import org.fleetdesk.secrets.Profile;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.secrets.Secret;
import org.fleetdesk.secrets.TokenStoreKind;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.TaskExecutor;

/**
 * The welcome screen's two paths. "Connect an organisation" tests the token with one real call and saves the
 * profile (token in the chosen store) only once the API accepted it; "Explore the demo" opens the simulator.
 */
public final class WelcomeViewModel {
    private final ProfileStore profiles;
    private final TaskExecutor executor;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty apiUrl = new SimpleStringProperty(Profile.DEFAULT_API_URL);
    private final StringProperty token = new SimpleStringProperty("");
    private final ObjectProperty<TokenStoreKind> tokenStore = new SimpleObjectProperty<>();
    private final ObservableList<TokenStoreKind> tokenStores = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper storeNote = new ReadOnlyStringWrapper("Checking the OS keychain…");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public WelcomeViewModel(ProfileStore profiles, TaskExecutor executor) {
        this.profiles = profiles;
        this.executor = executor;
    }

    /** Finds out (off the UI thread, it may take seconds) which token stores can be offered here. */
    public void probeTokenStores() {
        executor.submit("Checking the OS keychain", progress -> profiles.tokenStores().available(), this::storesFound,
                failure -> storesFound(List.of(TokenStoreKind.FILE, TokenStoreKind.SESSION)));
    }

    private void storesFound(List<TokenStoreKind> available) {
        tokenStores.setAll(available);
        tokenStore.set(available.get(0));
        storeNote.set(available.contains(TokenStoreKind.KEYCHAIN)
                ? "The token is kept in " + profiles.tokenStores().keychainStatus().description() + "."
                : "No OS keychain answers here (" + profiles.tokenStores().keychainStatus().description()
                + "): keep the token in a file encrypted with a passphrase, or for this session only.");
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty apiUrlProperty() {
        return apiUrl;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public ObjectProperty<TokenStoreKind> tokenStoreProperty() {
        return tokenStore;
    }

    public ObservableList<TokenStoreKind> tokenStores() {
        return tokenStores;
    }

    public ReadOnlyStringProperty storeNoteProperty() {
        return storeNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** One real call with the typed token; nothing is stored. */
    public void testConnection() {
        run("Testing the connection", () -> {
            Page<Device> page = check();
            return "Connected: the organisation has " + page.meta().totalCount() + " devices.";
        }, message::set);
    }

    /**
     * Checks the name, tests the token, then saves the profile and its token, then hands the profile to
     * {@code onConnected}.
     */
    public void connect(Consumer<Profile> onConnected) {
        run("Connecting", () -> {
            Profile.requireValidName(name.get().strip());
            check();
            Profile profile = new Profile(name.get().strip(), apiUrl.get().strip(), tokenStore.get());
            profiles.add(profile, Secret.of(token.get()));
            return profile;
        }, profile -> {
            token.set("");
            onConnected.accept(profile);
        });
    }

    private Page<Device> check() {
        Profile profile = new Profile(name.get().isBlank() ? "unnamed" : name.get().strip(), apiUrl.get().strip(),
                TokenStoreKind.SESSION);
        if (token.get().isBlank()) {
            throw new InvalidInputException("Paste the organisation's management API access token"
                    + " (it starts with rporg_).");
        }
        try (ConnectClient client = ConnectClient.builder().baseUrl(profile.apiUrl()).token(token.get().strip())
                .retryPolicy(RetryPolicy.none()).build()) {
            return client.listDevices(null, 1, 1);
        }
    }

    private <T> void run(String title, Callable<T> work, Consumer<T> onSuccess) {
        busy.set(true);
        message.set(title + "…");
        failed.set(false);
        executor.submit(title, progress -> work.call(), result -> {
            busy.set(false);
            message.set("");
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            failed.set(true);
            message.set(failure instanceof UnauthorizedException
                    ? "The token was refused (401): it is wrong, revoked, or belongs to another organisation. "
                    + ErrorMessages.TOKEN_ADVICE
                    : ErrorMessages.describe(failure));
        });
    }
}
