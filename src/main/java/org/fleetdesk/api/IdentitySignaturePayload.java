package org.fleetdesk.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text a device signs for {@code X-Connect-Identity-Signature}, exactly as the reference defines it: the method,
 * the full URL, {@code Authorization: <value>}, {@code Content-Type: <value>}, {@code Accept: <value>} only when the
 * request sends one, and the SHA-256 hex of the exact body bytes, joined by {@code \n} without a trailing newline.
 * The text contains the management token: only its digest ({@link #sha256Hex()}) should ever leave the workstation.
 */
public final class IdentitySignaturePayload {
    private final String method;
    private final String url;
    private final String authorization;
    private final String contentType;
    private final String accept;
    private final String bodySha256Hex;

    private IdentitySignaturePayload(Builder builder) {
        this.method = builder.method;
        this.url = builder.url;
        this.authorization = builder.authorization;
        this.contentType = builder.contentType;
        this.accept = builder.accept;
        this.bodySha256Hex = builder.bodySha256Hex;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The exact text to sign. Contains the token: never log or print it. */
    public String text() {
        List<String> lines = new ArrayList<>(List.of(method, url, "Authorization: " + authorization,
                "Content-Type: " + contentType));
        if (accept != null) {
            lines.add("Accept: " + accept);
        }
        lines.add(bodySha256Hex);
        return String.join("\n", lines);
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 of the payload, hex: what a device signs when it signs a digest rather than the text. */
    public String sha256Hex() {
        return Sha256.hex(bytes());
    }

    public String method() {
        return method;
    }

    public String url() {
        return url;
    }

    public String contentType() {
        return contentType;
    }

    /** The Accept value the request sends, or null when it sends none. */
    public String accept() {
        return accept;
    }

    public String bodySha256Hex() {
        return bodySha256Hex;
    }

    String authorization() {
        return authorization;
    }

    @Override
    public String toString() {
        return "IdentitySignaturePayload[" + method + " " + url + ", Authorization: <redacted>, Content-Type: "
                + contentType + ", Accept: " + accept + ", body sha256 " + bodySha256Hex + "]";
    }

    public static final class Builder {
        private String method;
        private String url;
        private String authorization;
        private String contentType;
        private String accept;
        private String bodySha256Hex;

        private Builder() {
        }

        public Builder method(String method) {
            this.method = line(method, "method").toUpperCase(Locale.ROOT);
            return this;
        }

        public Builder url(String url) {
            this.url = line(url, "URL");
            return this;
        }

        /** The whole Authorization header value, e.g. {@code Bearer rporg_…}. */
        public Builder authorization(String value) {
            this.authorization = line(value, "Authorization value");
            return this;
        }

        public Builder contentType(String value) {
            this.contentType = line(value, "Content-Type");
            return this;
        }

        /** The Accept header the request sends; leave unset (or null) when it sends none. */
        public Builder accept(String value) {
            this.accept = value == null ? null : line(value, "Accept");
            return this;
        }

        public Builder body(byte[] body) {
            this.bodySha256Hex = Sha256.hex(body);
            return this;
        }

        public IdentitySignaturePayload build() {
            if (method == null || url == null || authorization == null || contentType == null || bodySha256Hex == null) {
                throw new IllegalStateException("method, url, authorization, contentType and body are all required");
            }
            return new IdentitySignaturePayload(this);
        }

        private static String line(String value, String what) {
            if (value == null || value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new InvalidInputException(what + " must be one non-empty line to be part of a signature payload.");
            }
            return value;
        }
    }
}
