package org.fleetdesk.secrets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.Validation;

/** Where a profile's token is kept. The id is what the CLI accepts ({@code --store}) and what profiles.json records. */
public enum TokenStoreKind {
    KEYCHAIN("keychain", "OS keychain"),
    FILE("file", "encrypted file"),
    SESSION("session", "this session only");

    private final String id;
    private final String label;

    TokenStoreKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    @JsonCreator
    public static TokenStoreKind fromId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("Unknown token store \"" + Validation.printable(id)
                        + "\": choose one of " + Arrays.stream(values()).map(TokenStoreKind::id).collect(Collectors.joining(", ")) + "."));
    }
}
