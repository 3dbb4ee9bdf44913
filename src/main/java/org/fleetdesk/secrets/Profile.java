package org.fleetdesk.secrets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.Validation;

/**
 * One organisation Fleetdesk talks to: a name (also the name of its data folder), the API's address, and where its
 * token is kept. The token itself is never part of a profile.
 */
public record Profile(String name, String apiUrl, TokenStoreKind tokenStore) {
    public static final String DEFAULT_API_URL = "https://api.connect.raspberrypi.com";
    public static final int MAX_NAME_LENGTH = 40;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern WINDOWS_DEVICE_NAME = Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    @JsonCreator
    public Profile(@JsonProperty("name") String name, @JsonProperty("api_url") String apiUrl,
                   @JsonProperty("token_store") TokenStoreKind tokenStore) {
        this.name = requireValidName(name);
        this.apiUrl = normalizeApiUrl(apiUrl);
        this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
    }

    public Profile withName(String newName) {
        return new Profile(newName, apiUrl, tokenStore);
    }

    public Profile withTokenStore(TokenStoreKind kind) {
        return new Profile(name, apiUrl, kind);
    }

    /** Returns the name unchanged, or says why it cannot name a profile (and its folder on every OS). */
    public static String requireValidName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("The profile name can't be blank: give the organisation a short name such as \"acme\".");
        }
        String rule = "use 1–" + MAX_NAME_LENGTH + " letters, digits, '.', '-' or '_', starting with a letter or digit"
                + " (the name becomes a folder name).";
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("Profile name \"" + Validation.printable(name) + "\" is " + name.length()
                    + " characters long: " + rule);
        }
        if (!NAME.matcher(name).matches() || name.endsWith(".")) {
            String suggestion = suggestName(name);
            throw new InvalidInputException("Profile name \"" + Validation.printable(name) + "\" is invalid: " + rule
                    + (suggestion.isEmpty() ? "" : " Try \"" + suggestion + "\"."));
        }
        if (WINDOWS_DEVICE_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
            throw new InvalidInputException("Profile name \"" + name + "\" is reserved for devices on Windows and cannot"
                    + " name a folder: choose another name.");
        }
        return name;
    }

    /**
     * The address in a canonical form (no trailing slash), or says why it is refused: the token is sent to it, so
     * it must be {@code https://}, or {@code http://} on this machine's loopback (the demo organisation).
     */
    public static String normalizeApiUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("The API URL can't be blank: use " + DEFAULT_API_URL + " for Raspberry Pi Connect.");
        }
        String trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("API URL \"" + Validation.printable(trimmed) + "\" is not a valid address: "
                    + e.getReason() + ". Use for example " + DEFAULT_API_URL + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidInputException("API URL \"" + Validation.printable(trimmed) + "\" must be a full https:// address"
                    + " such as " + DEFAULT_API_URL + ".");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException("API URL \"" + Validation.printable(trimmed) + "\" must not contain a user name,"
                    + " a query (?…) or a fragment (#…): give only the address, such as " + DEFAULT_API_URL + ".");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new InvalidInputException("API URL \"" + Validation.printable(trimmed) + "\" uses http://, which would send"
                    + " the token unencrypted: use https:// (http:// is allowed only for this computer, such as"
                    + " http://127.0.0.1).");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path;
    }

    static boolean isLoopback(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (LOOPBACK_NAMES.contains(lower)) {
            return true;
        }
        boolean literal = lower.matches("[0-9.]+") || lower.startsWith("[");
        if (!literal) {
            return false; // never resolve a name: only literal addresses and "localhost" count as this machine
        }
        try {
            return InetAddress.getByName(lower).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String suggestName(String name) {
        String cleaned = name.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "")
                .replaceAll("[.-]+$", "");
        return cleaned.length() > MAX_NAME_LENGTH ? cleaned.substring(0, MAX_NAME_LENGTH) : cleaned;
    }
}
