package org.fleetdesk.provision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.api.NewAuthKey;
import org.fleetdesk.api.Validation;

/**
 * The keys a bulk run will create, checked before anything is sent: one per name, with the name as description and
 * device name, the batch's tags followed by the row's own tags, and the batch's expiry.
 */
public record AuthKeyPlan(List<NewAuthKey> keys) {
    public AuthKeyPlan {
        keys = List.copyOf(keys);
    }

    /** {@code ttlDays} null = the server's default (1 day); {@code tags} are given to every key. */
    public static AuthKeyPlan of(List<NameEntry> names, Integer ttlDays, List<String> tags) {
        Validation.requireTtlDays(ttlDays);
        List<String> common = tags == null ? List.of() : tags;
        Validation.requireTags(common);
        ImportProblems problems = new ImportProblems("The list of names");
        List<NewAuthKey> keys = new ArrayList<>();
        for (NameEntry entry : names) {
            Set<String> all = new LinkedHashSet<>(common);
            all.addAll(entry.tags());
            try {
                NewAuthKey key = new NewAuthKey(entry.name(), ttlDays, entry.name(), List.copyOf(all));
                Validation.validate(key);
                keys.add(key);
            } catch (InvalidInputException e) {
                problems.add(entry.name() + ": " + e.getMessage());
            }
        }
        problems.throwIfAny();
        if (keys.isEmpty()) {
            throw new InvalidInputException("No names to create keys for: give a pattern such as pi5-{001..250} or a"
                    + " list of names.");
        }
        return new AuthKeyPlan(keys);
    }

    public List<String> names() {
        return keys.stream().map(NewAuthKey::description).toList();
    }
}
