package org.fleetdesk.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fleetdesk.AppPaths;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.Json;
import org.fleetdesk.api.Validation;
import org.fleetdesk.secrets.ConsolePassphrasePrompt;
import org.fleetdesk.secrets.Profile;
import org.fleetdesk.secrets.ProfileStore;
import org.fleetdesk.secrets.Secret;
import org.fleetdesk.secrets.TokenStoreException;
import org.fleetdesk.secrets.TokenStoreKind;
import org.fleetdesk.secrets.TokenStores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fleetdesk profile …}: the organisations this computer connects to. A token is never an argument (it would
 * stay in the shell history and the process list): it is read from standard input or a hidden prompt.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Add, list, choose and remove the organisations (profiles) Fleetdesk connects to.",
        subcommands = {ProfileCommand.Add.class, ProfileCommand.ListProfiles.class, ProfileCommand.Use.class,
                ProfileCommand.Rename.class, ProfileCommand.Remove.class})
public final class ProfileCommand implements Runnable {
    static final int EXIT_INVALID = 2;
    static final int EXIT_FAILED = 1;
    private static final int MAX_TOKEN_BYTES = 16 * 1024;

    private final Path home;
    private final Map<String, String> environment;
    private final InputStream stdin;
    private final Console console;
    private ProfileStore store;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public ProfileCommand() {
        this(AppPaths.home(), System.getenv(), System.in, System.console());
    }

    /** @param console the terminal, or null when input or output is redirected */
    ProfileCommand(Path home, Map<String, String> environment, InputStream stdin, Console console) {
        this.home = home;
        this.environment = environment;
        this.stdin = stdin;
        this.console = console;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private ProfileStore store() {
        if (store == null) {
            store = new ProfileStore(home, new TokenStores(home, new ConsolePassphrasePrompt(environment, console)));
        }
        return store;
    }

    /** Runs one subcommand, turning refusals into a message on stderr and an exit code (nothing else is printed). */
    private int guard(CommandLine.Model.CommandSpec command, Callable<Integer> body) {
        PrintWriter err = command.commandLine().getErr();
        try {
            return body.call();
        } catch (InvalidInputException e) {
            err.println("fleetdesk: " + e.getMessage());
            return EXIT_INVALID;
        } catch (TokenStoreException | UncheckedIOException e) {
            err.println("fleetdesk: " + e.getMessage());
            return EXIT_FAILED;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            err.println("fleetdesk: " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    /** The token from the hidden prompt, or from standard input when that is not a terminal. */
    private Secret readToken(String profile) {
        char[] typed;
        if (console != null) {
            typed = console.readPassword("Management API access token for '%s' (input hidden): ", profile);
            if (typed == null) {
                typed = new char[0];
            }
        } else {
            typed = readStandardInput();
        }
        try {
            Secret token = Secret.of(strip(typed));
            if (token.isBlank()) {
                throw new InvalidInputException("No token given. Paste the organisation's management API access token"
                        + " when asked, or pipe it on standard input, e.g. fleetdesk profile add " + profile
                        + " --api-url URL < token.txt");
            }
            for (char c : token.chars()) {
                if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                    throw new InvalidInputException("The token must be a single word without spaces or line breaks:"
                            + " give only the token, on one line.");
                }
            }
            return token;
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    private char[] readStandardInput() {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[1024];
            int read;
            while ((read = stdin.read(chunk)) != -1) {
                if (buffer.size() + read > MAX_TOKEN_BYTES) {
                    throw new InvalidInputException("Standard input holds more than " + MAX_TOKEN_BYTES / 1024
                            + " KiB, far more than a token: give only the token.");
                }
                buffer.write(chunk, 0, read);
            }
            Arrays.fill(chunk, (byte) 0);
            byte[] bytes = buffer.toByteArray();
            CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            char[] chars = Arrays.copyOfRange(decoded.array(), decoded.position(), decoded.limit());
            Arrays.fill(decoded.array(), '\0');
            Arrays.fill(bytes, (byte) 0);
            return chars;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the token from standard input: " + e.getMessage(), e);
        }
    }

    private static char[] strip(char[] chars) {
        int start = 0;
        int end = chars.length;
        while (start < end && Character.isWhitespace(chars[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(chars[end - 1])) {
            end--;
        }
        return Arrays.copyOfRange(chars, start, end);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add an organisation and store its management API access token.",
                    "The token is read from standard input when it is piped, else asked for without echo."})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        ProfileCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "Short name of the organisation (becomes a folder name).")
        String name;

        @Option(names = "--api-url", paramLabel = "URL", defaultValue = Profile.DEFAULT_API_URL,
                description = "Address of the Management API (default: ${DEFAULT-VALUE}).")
        String apiUrl;

        @Option(names = "--store", paramLabel = "keychain|file|session",
                description = "Where to keep the token: the OS keychain (default when it works here), a file encrypted"
                        + " with a passphrase (FLEETDESK_PASSPHRASE or asked), or memory for this session only.")
        String storeKind;

        @Option(names = "--replace", description = "Give an existing profile this URL and a new token, keeping its cache.")
        boolean replace;

        @Override
        public Integer call() {
            return parent.guard(spec, () -> {
                ProfileStore profiles = parent.store();
                TokenStoreKind kind = storeKind == null ? null : TokenStoreKind.fromId(storeKind);
                Profile.requireValidName(name);
                Profile.normalizeApiUrl(apiUrl);
                Optional<Profile> existing = profiles.find(name);
                if (existing.isPresent() && !replace) {
                    throw new InvalidInputException("A profile named '" + existing.get().name() + "' already exists:"
                            + " choose another name, or give it a new URL and token with --replace.");
                }
                if (existing.isEmpty() && replace) {
                    throw new InvalidInputException("There is no profile named '" + name + "' to replace: leave out --replace to add it.");
                }
                if (kind == null) {
                    kind = chooseStore(profiles.tokenStores());
                }
                Profile profile = new Profile(existing.map(Profile::name).orElse(name), apiUrl, kind);
                Secret token = parent.readToken(profile.name());
                try {
                    Profile saved = replace ? profiles.replace(profile, token) : profiles.add(profile, token);
                    PrintWriter out = spec.commandLine().getOut();
                    out.println((replace ? "Updated" : "Added") + " profile '" + saved.name() + "' (" + saved.apiUrl()
                            + "); token kept in: " + profiles.tokenStores().location(saved) + ".");
                    if (profiles.current().map(p -> p.name().equals(saved.name())).orElse(false)) {
                        out.println("It is the current profile.");
                    } else {
                        out.println("Make it the current profile with: fleetdesk profile use " + saved.name());
                    }
                    if (kind == TokenStoreKind.SESSION) {
                        out.println("The token is not saved: later commands need it in FLEETDESK_TOKEN.");
                    }
                    return 0;
                } finally {
                    token.destroy();
                }
            });
        }

        private static TokenStoreKind chooseStore(TokenStores stores) {
            TokenStores.KeychainStatus keychain = stores.keychainStatus();
            if (keychain.available()) {
                return TokenStoreKind.KEYCHAIN;
            }
            throw new InvalidInputException("The OS keychain can't be used here: " + keychain.description() + ". Choose"
                    + " where to keep the token: --store file (encrypted with a passphrase you choose) or --store session"
                    + " (not saved; later commands read FLEETDESK_TOKEN).");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the profiles: name, API URL, where the token is kept, and the current one (*).")
    static final class ListProfiles implements Callable<Integer> {
        @ParentCommand
        ProfileCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
                description = "Output format (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() {
            return parent.guard(spec, () -> {
                String chosenFormat = format.strip().toLowerCase(Locale.ROOT);
                if (!chosenFormat.equals("table") && !chosenFormat.equals("json")) {
                    throw new InvalidInputException("Unknown format \"" + Validation.printable(format)
                            + "\": use --format table or --format json.");
                }
                ProfileStore profiles = parent.store();
                List<Profile> all = profiles.list();
                String current = profiles.current().map(Profile::name).orElse(null);
                PrintWriter out = spec.commandLine().getOut();
                if (chosenFormat.equals("json")) {
                    List<Map<String, Object>> rows = all.stream().map(p -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("name", p.name());
                        row.put("api_url", p.apiUrl());
                        row.put("token_store", p.tokenStore().id());
                        row.put("token_location", profiles.tokenStores().location(p));
                        row.put("current", p.name().equals(current));
                        return row;
                    }).toList();
                    out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
                    return 0;
                }
                if (all.isEmpty()) {
                    out.println("No profiles yet. Add one with: fleetdesk profile add NAME --api-url URL");
                    return 0;
                }
                int nameWidth = Math.max(4, all.stream().mapToInt(p -> p.name().length()).max().orElse(0));
                int urlWidth = Math.max(7, all.stream().mapToInt(p -> p.apiUrl().length()).max().orElse(0));
                String row = "%-1s %-" + nameWidth + "s  %-" + urlWidth + "s  %s%n";
                out.printf(row, "", "NAME", "API URL", "TOKEN");
                for (Profile p : all) {
                    out.printf(row, p.name().equals(current) ? "*" : "", p.name(), p.apiUrl(), profiles.tokenStores().location(p));
                }
                return 0;
            });
        }
    }

    @Command(name = "use", mixinStandardHelpOptions = true,
            description = "Make a profile the current one: commands without --profile use it.")
    static final class Use implements Callable<Integer> {
        @ParentCommand
        ProfileCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return parent.guard(spec, () -> {
                Profile chosen = parent.store().use(name);
                spec.commandLine().getOut().println("Now using profile '" + chosen.name() + "' (" + chosen.apiUrl() + ").");
                return 0;
            });
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true,
            description = "Rename a profile; its token and cache move along.")
    static final class Rename implements Callable<Integer> {
        @ParentCommand
        ProfileCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "NEW_NAME")
        String newName;

        @Override
        public Integer call() {
            return parent.guard(spec, () -> {
                Profile renamed = parent.store().rename(name, newName);
                spec.commandLine().getOut().println("Renamed profile '" + name + "' to '" + renamed.name() + "'.");
                return 0;
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a profile, its stored token and its local cache.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        ProfileCommand parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        public Integer call() {
            return parent.guard(spec, () -> {
                ProfileStore profiles = parent.store();
                Profile profile = profiles.require(name);
                PrintWriter out = spec.commandLine().getOut();
                if (!yes) {
                    if (parent.console == null) {
                        throw new InvalidInputException("Removing profile '" + profile.name() + "' deletes its token and"
                                + " its cache: add --yes to confirm.");
                    }
                    String answer = parent.console.readLine("Remove profile '%s' (%s), its stored token and its cache"
                            + " in %s? [y/N] ", profile.name(), profile.apiUrl(), profiles.orgFolder(profile.name()));
                    if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
                        out.println("Nothing removed.");
                        return 0;
                    }
                }
                Optional<String> notice = profiles.remove(profile.name());
                out.println("Removed profile '" + profile.name() + "', " + (notice.isEmpty() ? "its token and " : "")
                        + "its cache.");
                notice.ifPresent(spec.commandLine().getErr()::println);
                profiles.current().ifPresent(p -> out.println("The current profile is now '" + p.name() + "'."));
                return 0;
            });
        }
    }
}
