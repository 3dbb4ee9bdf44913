package org.fleetdesk.ui.artefacts;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.Validation;

/**
 * The checksum published beside an image as {@code <image URI>.sha256}, in the format of {@code sha256sum}
 * ({@code <64 hex digits>  <file name>}) or as the bare digest.
 */
final class ChecksumFile {
    private static final int MAX_BYTES = 64 * 1024;
    private static final Pattern DIGEST = Pattern.compile("(?i)(?:^|\\s)([0-9a-f]{64})(?:\\s+\\*?(\\S+))?");

    private ChecksumFile() {
    }

    static String uriFor(String imageUri) {
        return imageUri.strip() + ".sha256";
    }

    /** Downloads and reads {@code <imageUri>.sha256}; the image URI must be a valid https address. */
    static String fetch(String imageUri) {
        Validation.requireHttpsUri(imageUri);
        String address = uriFor(imageUri);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(20)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new InvalidInputException("There is no checksum file at " + address + " (HTTP "
                            + response.statusCode() + "): type the checksum, or compute it from the image file.");
                }
                return parse(new String(body.readNBytes(MAX_BYTES), StandardCharsets.UTF_8), fileName(imageUri), address);
            }
        } catch (IOException e) {
            throw new InvalidInputException("Cannot download " + address + " (" + e.getMessage() + "): check the"
                    + " address and the network, or type the checksum.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("Cancelled.");
        }
    }

    /** The digest for {@code fileName} (or the only one) in a checksum file's text, lowercased. */
    static String parse(String text, String fileName, String where) {
        Matcher matcher = DIGEST.matcher(text);
        String only = null;
        int found = 0;
        while (matcher.find()) {
            found++;
            String name = matcher.group(2);
            if (name != null && name.equals(fileName)) {
                return matcher.group(1).toLowerCase(Locale.ROOT);
            }
            only = matcher.group(1);
        }
        if (found == 1) {
            return only.toLowerCase(Locale.ROOT);
        }
        throw new InvalidInputException(found == 0
                ? where + " holds no SHA-256 checksum (64 hexadecimal digits): type the checksum instead."
                : where + " lists " + found + " checksums and none for " + fileName + ": type the checksum instead.");
    }

    private static String fileName(String uri) {
        String path = URI.create(uri.strip()).getPath();
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }
}
