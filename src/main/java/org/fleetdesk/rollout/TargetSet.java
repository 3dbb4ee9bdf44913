package org.fleetdesk.rollout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.store.FleetStore;

/**
 * The devices a rollout deploys to, frozen when the rollout starts: the answer to a query (asked of the API, or of the
 * cache), or an explicit selection. Devices that join the organisation later are not added.
 */
public final class TargetSet {
    private final List<Target> targets;
    private final String query;
    private final String selectionDescription;

    private TargetSet(Collection<Target> targets, String query, String selectionDescription) {
        Map<String, Target> byId = new LinkedHashMap<>();
        targets.forEach(t -> byId.putIfAbsent(t.deviceId(), t));
        this.targets = List.copyOf(byId.values());
        this.query = query;
        this.selectionDescription = selectionDescription;
    }

    /** The devices the API lists for {@code query} ("" or null = the whole organisation), pages fetched in parallel. */
    public static TargetSet fromApi(ConnectClient client, String query, int concurrency, BooleanSupplier cancelled) {
        String text = query == null ? "" : query.strip();
        List<Device> devices = client.fetchAllPages(page -> client.listDevices(text, page, ConnectClient.MAX_PER_PAGE),
                Math.max(1, concurrency), (done, total) -> { }, cancelled);
        return new TargetSet(devices.stream().map(Target::of).toList(), text, null);
    }

    /** The cached devices matching {@code query}, evaluated locally with the same rules as the API. */
    public static TargetSet fromCache(FleetStore store, String query) {
        String text = query == null ? "" : query.strip();
        return matching(text, store.index().matching(QueryParser.parse(text), DeviceSort.BY_NAME));
    }

    /** The devices that {@code query} matched, as the caller evaluated and showed them. */
    public static TargetSet matching(String query, Collection<Device> devices) {
        return new TargetSet(devices.stream().map(Target::of).toList(), query == null ? "" : query.strip(), null);
    }

    /** Exactly these devices (a selection on the Devices screen, or the failed devices of an earlier rollout). */
    public static TargetSet of(Collection<Target> selection) {
        return new TargetSet(new ArrayList<>(selection), null, null);
    }

    /** A selection with its own description, e.g. "the 3 failed devices of rollout k2x9q7mp". */
    public static TargetSet of(Collection<Target> selection, String description) {
        return new TargetSet(new ArrayList<>(selection), null, description);
    }

    public static TargetSet ofDevices(Collection<Device> devices) {
        return of(devices.stream().map(Target::of).toList());
    }

    public List<Target> targets() {
        return targets;
    }

    public int size() {
        return targets.size();
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }

    /** The query the set was made from; empty for a selection. */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    public long oldClients() {
        return targets.stream().filter(Target::oldClient).count();
    }

    /** In words, for lists and confirmations. */
    public String description() {
        if (selectionDescription != null) {
            return selectionDescription;
        }
        if (query == null) {
            return targets.size() + " selected device" + (targets.size() == 1 ? "" : "s");
        }
        return query.isEmpty() ? "every device in the organisation" : "devices matching \"" + query + "\"";
    }
}
