package org.fleetdesk.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.Json;
import org.fleetdesk.api.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured organisations, kept in {@code <home>/profiles.json} (names, URLs, token store kinds, the current
 * one; never a token), with each profile's token in the store the profile names and its data in
 * {@code <home>/orgs/<name>/}. Every change re-reads the file under a lock and replaces it atomically, so the
 * desktop app and the CLI can change profiles at the same time without losing or corrupting anything.
 * Names are compared without regard to case, as folder names are on Windows and macOS.
 */
public final class ProfileStore {
    public static final String FILE_NAME = "profiles.json";
    public static final String ORGS_FOLDER = "orgs";
    private static final Object LOCAL_LOCK = new Object();
    private static final Logger LOG = LoggerFactory.getLogger(ProfileStore.class);

    private final Path home;
    private final TokenStores tokens;
    private final ObjectMapper mapper = Json.mapper();

    public ProfileStore(Path home, TokenStores tokens) {
        this.home = home;
        this.tokens = tokens;
    }

    /** The file's content: the profiles in the order they were added and the name of the current one. */
    record ProfilesFile(int version, String current, List<Profile> profiles) {
        ProfilesFile {
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
        }
    }

    public Path file() {
        return home.resolve(FILE_NAME);
    }

    /** The folder holding everything Fleetdesk keeps for this profile (its cache, journals). */
    public Path orgFolder(String name) {
        return home.resolve(ORGS_FOLDER).resolve(Profile.requireValidName(name));
    }

    public TokenStores tokenStores() {
        return tokens;
    }

    public List<Profile> list() {
        return read().profiles();
    }

    public Optional<Profile> find(String name) {
        return find(read(), name);
    }

    /** The profile called {@code name}, or a message listing the ones that exist. */
    public Profile require(String name) {
        ProfilesFile state = read();
        return find(state, name).orElseThrow(() -> new InvalidInputException(unknownProfileMessage(state, name)));
    }

    public Optional<Profile> current() {
        ProfilesFile state = read();
        return state.current() == null ? Optional.empty() : find(state, state.current());
    }

    /** Makes {@code name} the profile used when none is named. */
    public Profile use(String name) {
        Profile[] chosen = new Profile[1];
        update(state -> {
            chosen[0] = find(state, name).orElseThrow(() -> new InvalidInputException(unknownProfileMessage(state, name)));
            return new ProfilesFile(state.version(), chosen[0].name(), state.profiles());
        });
        LOG.info("Current profile: '{}'", chosen[0].name());
        return chosen[0];
    }

    /**
     * Adds a profile and saves its token in the profile's store. The first profile becomes the current one.
     * If saving the profile fails, the token is removed again.
     */
    public Profile add(Profile profile, Secret token) {
        requireToken(token);
        synchronized (LOCAL_LOCK) {
            if (find(profile.name()).isPresent()) {
                throw new InvalidInputException("A profile named '" + profile.name() + "' already exists: choose another"
                        + " name, or replace its URL and token with --replace.");
            }
            TokenStore store = tokens.open(profile.tokenStore());
            store.save(profile.name(), token);
            try {
                update(state -> {
                    if (find(state, profile.name()).isPresent()) {
                        throw new InvalidInputException("A profile named '" + profile.name() + "' was just added by"
                                + " another Fleetdesk window or command.");
                    }
                    List<Profile> profiles = new ArrayList<>(state.profiles());
                    profiles.add(profile);
                    return new ProfilesFile(state.version(), state.current() == null ? profile.name() : state.current(), profiles);
                });
            } catch (RuntimeException e) {
                store.delete(profile.name());
                throw e;
            }
            LOG.info("Profile '{}' added ({}, token in {})", profile.name(), profile.apiUrl(), profile.tokenStore().label());
            return profile;
        }
    }

    /**
     * Gives an existing profile a new URL, token and token store, keeping its data folder. The token is removed from
     * the store the profile used before when that changes.
     */
    public Profile replace(Profile profile, Secret token) {
        requireToken(token);
        synchronized (LOCAL_LOCK) {
            Profile previous = require(profile.name());
            Profile updated = new Profile(previous.name(), profile.apiUrl(), profile.tokenStore());
            tokens.open(updated.tokenStore()).save(updated.name(), token);
            if (previous.tokenStore() != updated.tokenStore()) {
                tokens.open(previous.tokenStore()).delete(previous.name());
            }
            update(state -> new ProfilesFile(state.version(), state.current(), state.profiles().stream()
                    .map(p -> sameName(p.name(), updated.name()) ? updated : p).toList()));
            LOG.info("Profile '{}' given a new token ({}, token in {})", updated.name(), updated.apiUrl(), updated.tokenStore().label());
            return updated;
        }
    }

    /** Renames a profile, moving its token and its data folder along. */
    public Profile rename(String from, String to) {
        Profile.requireValidName(to);
        synchronized (LOCAL_LOCK) {
            Profile old = require(from);
            if (old.name().equals(to)) {
                return old;
            }
            Optional<Profile> clash = find(to);
            if (clash.isPresent() && !clash.get().name().equals(old.name())) {
                throw new InvalidInputException("A profile named '" + clash.get().name() + "' already exists: choose another name.");
            }
            Profile renamed = old.withName(to);
            TokenStore store = tokens.open(old.tokenStore());
            store.rename(old.name(), renamed.name());
            Path oldFolder = orgFolder(old.name());
            Path newFolder = orgFolder(renamed.name());
            try {
                if (Files.exists(oldFolder)) {
                    Files.move(oldFolder, newFolder);
                }
            } catch (IOException e) {
                store.rename(renamed.name(), old.name());
                throw new UncheckedIOException("Could not rename the folder " + oldFolder + " to " + newFolder + ": "
                        + e.getMessage() + ". Close whatever uses it and try again.", e);
            }
            update(state -> new ProfilesFile(state.version(),
                    state.current() != null && sameName(state.current(), old.name()) ? renamed.name() : state.current(),
                    state.profiles().stream().map(p -> sameName(p.name(), old.name()) ? renamed : p).toList()));
            LOG.info("Profile '{}' renamed to '{}'", old.name(), renamed.name());
            return renamed;
        }
    }

    /**
     * Removes a profile: first its token (if the store refuses, nothing is removed, so no token is left behind
     * unnoticed), then its entry, then its data folder. When it was the current profile, the first remaining one
     * becomes current.
     *
     * @return a notice for the person when the token could not be deleted because the OS keychain is not available
     *         in this session (for example over SSH): it says which entry to delete by hand
     */
    public Optional<String> remove(String name) {
        synchronized (LOCAL_LOCK) {
            Profile profile = require(name);
            Optional<String> notice = Optional.empty();
            TokenStores.KeychainStatus keychain = profile.tokenStore() == TokenStoreKind.KEYCHAIN ? tokens.keychainStatus() : null;
            if (keychain != null && !keychain.available()) {
                notice = Optional.of("The token of '" + profile.name() + "' stays in the OS keychain, which can't be"
                        + " reached here (" + keychain.description() + "): delete the entry with service '"
                        + KeychainTokenStore.SERVICE + "' and account '" + profile.name() + "' from a desktop session.");
            } else {
                tokens.open(profile.tokenStore()).delete(profile.name());
            }
            update(state -> {
                List<Profile> remaining = state.profiles().stream().filter(p -> !sameName(p.name(), profile.name())).toList();
                String current = state.current() == null || sameName(state.current(), profile.name())
                        ? remaining.stream().findFirst().map(Profile::name).orElse(null) : state.current();
                return new ProfilesFile(state.version(), current, remaining);
            });
            deleteTree(orgFolder(profile.name()));
            LOG.info("Profile '{}' removed{}", profile.name(), notice.isPresent() ? "; its keychain entry could not be reached" : "");
            return notice;
        }
    }

    private static void requireToken(Secret token) {
        if (token == null || token.isBlank()) {
            throw new InvalidInputException("No token given: paste the organisation's management API access token"
                    + " (it starts with rporg_; create one in the Connect dashboard under your organisation's settings).");
        }
    }

    private ProfilesFile read() {
        Path file = file();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new ProfilesFile(1, null, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
        try {
            ProfilesFile state = mapper.readValue(content, ProfilesFile.class);
            return new ProfilesFile(1, state.current(), state.profiles());
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new InvalidInputException("The profiles file " + file + " is damaged (" + reason + "): fix it, or move"
                    + " it away and add the profiles again.");
        }
    }

    private void update(UnaryOperator<ProfilesFile> change) {
        synchronized (LOCAL_LOCK) {
            try {
                Files.createDirectories(home);
                try (FileChannel lockChannel = FileChannel.open(home.resolve("." + FILE_NAME + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    lockChannel.lock(); // released when the channel closes
                    ProfilesFile next = change.apply(read());
                    AtomicFiles.write(file(), mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(next), false);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not save " + file() + ": " + e.getMessage()
                        + ". Check that the folder is writable and the disk is not full.", e);
            }
        }
    }

    private static Optional<Profile> find(ProfilesFile state, String name) {
        return state.profiles().stream().filter(p -> sameName(p.name(), name)).findFirst();
    }

    private static boolean sameName(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    private static String unknownProfileMessage(ProfilesFile state, String name) {
        String known = state.profiles().isEmpty() ? "There are no profiles yet."
                : "Profiles: " + state.profiles().stream().map(Profile::name).collect(Collectors.joining(", ")) + ".";
        return "No profile named '" + Validation.printable(name) + "'. " + known
                + " Add one with: fleetdesk profile add NAME --api-url URL";
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("The profile was removed, but its data folder " + root + " could not be deleted"
                    + " completely (" + e.getMessage() + "): close whatever uses it and delete the folder by hand.", e);
        }
    }
}
