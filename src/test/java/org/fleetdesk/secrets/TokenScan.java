package org.fleetdesk.secrets;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Looks for a secret in files: as text (UTF-8 and UTF-16), hex and the base64 forms, at every alignment. */
public final class TokenScan {
    private TokenScan() {
    }

    public static List<String> encodings(String secret) {
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        Stream.Builder<String> forms = Stream.builder();
        forms.add(secret);
        forms.add(new String(secret.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1));
        forms.add(new String(secret.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1));
        forms.add(HexFormat.of().formatHex(utf8));
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[utf8.length + shift];
            System.arraycopy(utf8, 0, shifted, shift, utf8.length);
            String base64 = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(shifted);
            // the middle of the encoding does not depend on the bytes around the secret
            forms.add(base64.substring(4, base64.length() - 4));
            forms.add(urlSafe.substring(4, urlSafe.length() - 4));
        }
        return forms.build().toList();
    }

    public static boolean foundIn(String text, String secret) {
        return encodings(secret).stream().anyMatch(text::contains);
    }

    /** Fails, naming the file (never the secret), if any file under {@code root} holds it in any {@link #encodings}. */
    public static void assertNotFoundUnder(Path root, String secret) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<String> forms = encodings(secret);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String form : forms) {
                    if (content.contains(form)) {
                        fail("the secret was found in " + file);
                    }
                }
            }
        }
    }
}
