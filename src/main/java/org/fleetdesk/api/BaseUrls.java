package org.fleetdesk.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import okhttp3.HttpUrl;

/** Checks an API base URL: https, or plain http only to this machine, where the token cannot be overheard. */
final class BaseUrls {
    private BaseUrls() {
    }

    static HttpUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("The API URL is empty: use " + ConnectClient.DEFAULT_BASE_URL + ".");
        }
        HttpUrl url = HttpUrl.parse(text.strip());
        if (url == null) {
            throw new InvalidInputException("\"" + Validation.printable(text) + "\" is not an API URL: use an address"
                    + " like " + ConnectClient.DEFAULT_BASE_URL + ".");
        }
        if (url.query() != null || url.fragment() != null || url.username().length() > 0 || url.password().length() > 0) {
            throw new InvalidInputException("The API URL " + url.scheme() + "://" + url.host() + " must not carry a query,"
                    + " a fragment or credentials: use an address like " + ConnectClient.DEFAULT_BASE_URL + ".");
        }
        if (url.scheme().equals("http") && !isLoopback(url.host())) {
            throw new InvalidInputException("Refusing plain http:// to " + url.host() + ": the token would travel"
                    + " unencrypted. Use https://, or http:// only for a server on this machine (localhost, 127.0.0.1).");
        }
        return url;
    }

    private static boolean isLoopback(String host) {
        if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        boolean ipLiteral = host.contains(":") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        if (!ipLiteral) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
