package org.fleetdesk.secrets;

import java.util.Map;
import java.util.Optional;
import org.fleetdesk.AppPaths;
import org.fleetdesk.api.InvalidInputException;

/**
 * Decides which organisation a command or window talks to, the same way for the CLI and the desktop app.
 * <ol>
 *   <li>{@code FLEETDESK_TOKEN} set: that token, sent to {@code FLEETDESK_API_URL}, else to the named profile's URL,
 *       else to {@value Profile#DEFAULT_API_URL} (for CI jobs, which have no profiles).</li>
 *   <li>Otherwise the named profile ({@code --profile NAME}), or the current one, with the token from its store.
 *       A stored token is only ever sent to its own profile's URL.</li>
 * </ol>
 */
public final class Connections {
    public static final String API_URL_VARIABLE = "FLEETDESK_API_URL";
    public static final String TOKEN_VARIABLE = "FLEETDESK_TOKEN";
    public static final String PASSPHRASE_VARIABLE = "FLEETDESK_PASSPHRASE";

    private final ProfileStore profiles;
    private final Map<String, String> environment;

    public Connections(ProfileStore profiles, Map<String, String> environment) {
        this.profiles = profiles;
        this.environment = environment;
    }

    /** Profiles under {@link AppPaths#home()}, the process environment, passphrases from the environment or console. */
    public static Connections forCommandLine() {
        Map<String, String> environment = System.getenv();
        TokenStores stores = new TokenStores(AppPaths.home(), new ConsolePassphrasePrompt(environment, System.console()));
        return new Connections(new ProfileStore(AppPaths.home(), stores), environment);
    }

    public ProfileStore profiles() {
        return profiles;
    }

    /**
     * The connection to use.
     *
     * @param profileName the profile asked for ({@code --profile}), or null for the environment or the current profile
     * @throws InvalidInputException when nothing usable is configured; the message says what to configure
     */
    public Connection resolve(String profileName) {
        Optional<String> envToken = variable(TOKEN_VARIABLE);
        Optional<String> envUrl = variable(API_URL_VARIABLE).map(Connections::checkedUrl);
        Profile named = profileName == null ? null : profiles.require(profileName);
        if (envToken.isPresent()) {
            String url = envUrl.orElse(named != null ? named.apiUrl() : Profile.DEFAULT_API_URL);
            return new Connection(url, Secret.of(envToken.get()), named == null ? null : named.name(),
                    "the environment variable " + TOKEN_VARIABLE);
        }
        Profile profile = named != null ? named : profiles.current().orElseThrow(() -> notConfigured(envUrl.isPresent()));
        if (envUrl.isPresent() && !envUrl.get().equals(profile.apiUrl())) {
            throw new InvalidInputException(API_URL_VARIABLE + " is set to " + envUrl.get() + " but " + TOKEN_VARIABLE
                    + " is not: the stored token of profile '" + profile.name() + "' is only sent to its own URL ("
                    + profile.apiUrl() + "). Set " + TOKEN_VARIABLE + " as well, or unset " + API_URL_VARIABLE + ".");
        }
        TokenStores stores = profiles.tokenStores();
        if (profile.tokenStore() == TokenStoreKind.KEYCHAIN && !stores.keychainStatus().available()) {
            throw new InvalidInputException("Profile '" + profile.name() + "' keeps its token in the OS keychain, which"
                    + " can't be used here (" + stores.keychainStatus().description() + "): set " + TOKEN_VARIABLE
                    + ", or store the token in an encrypted file with: fleetdesk profile add " + profile.name()
                    + " --api-url " + profile.apiUrl() + " --replace --store file");
        }
        TokenStore store = stores.open(profile.tokenStore());
        Secret token = store.load(profile.name()).orElseThrow(() -> missingToken(profile, store));
        return new Connection(profile.apiUrl(), token, profile.name(),
                "profile '" + profile.name() + "' (" + store.description() + ")");
    }

    private Optional<String> variable(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String checkedUrl(String url) {
        try {
            return Profile.normalizeApiUrl(url);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("The environment variable " + API_URL_VARIABLE + " is not usable: " + e.getMessage());
        }
    }

    private static InvalidInputException notConfigured(boolean urlOnly) {
        String start = urlOnly ? API_URL_VARIABLE + " is set but " + TOKEN_VARIABLE + " is not, and no profile is configured."
                : "No organisation is configured.";
        return new InvalidInputException(start + " Add one with: fleetdesk profile add NAME --api-url "
                + Profile.DEFAULT_API_URL + " (you will be asked for its management API access token), or set "
                + TOKEN_VARIABLE + " (and " + API_URL_VARIABLE + " if it is not " + Profile.DEFAULT_API_URL + ").");
    }

    private static InvalidInputException missingToken(Profile profile, TokenStore store) {
        String again = "fleetdesk profile add " + profile.name() + " --api-url " + profile.apiUrl() + " --replace";
        String message = switch (profile.tokenStore()) {
            case SESSION -> "Profile '" + profile.name() + "' keeps its token for one session only, and this session"
                    + " has none: set " + TOKEN_VARIABLE + ", or save the token with: " + again + " --store keychain|file";
            case KEYCHAIN -> "The " + store.description() + " holds no token for profile '" + profile.name()
                    + "': save it again with: " + again;
            case FILE -> "The encrypted token file of profile '" + profile.name() + "' is missing: save the token"
                    + " again with: " + again;
        };
        return new InvalidInputException(message);
    }
}
