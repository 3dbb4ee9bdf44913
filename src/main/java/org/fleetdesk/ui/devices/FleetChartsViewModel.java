package org.fleetdesk.ui.devices;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.fleetdesk.query.FacetCounts;
import org.fleetdesk.query.Qualifier;

/**
 * "Fleet at a glance" over the current result: devices by model, OS, memory and tag (the most frequent values, most
 * frequent first), and the share on a Connect client older than 2.9.0.
 */
public final class FleetChartsViewModel {
    static final int MAX_BARS = 10;

    private final ReadOnlyObjectWrapper<List<ChartBar>> models = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<ChartBar>> oses = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<ChartBar>> memories = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<ChartBar>> tags = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper tagsTitle = new ReadOnlyStringWrapper("By tag");
    private final ReadOnlyDoubleWrapper oldClientShare = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper oldClientText = new ReadOnlyStringWrapper("");

    public void show(FacetCounts facets) {
        models.set(bars(facets, Qualifier.MODEL));
        oses.set(bars(facets, Qualifier.OS));
        memories.set(bars(facets, Qualifier.MEMORY));
        tags.set(bars(facets, Qualifier.TAG));
        int tagCount = facets.tags().size();
        tagsTitle.set(tagCount > MAX_BARS ? "By tag (top " + MAX_BARS + " of " + tagCount + ")" : "By tag");
        double share = facets.total() == 0 ? 0 : (double) facets.oldClients() / facets.total();
        oldClientShare.set(share);
        NumberFormat number = NumberFormat.getIntegerInstance();
        oldClientText.set(String.format("%.1f %% on a client older than 2.9.0 (%s of %s devices)", share * 100,
                number.format(facets.oldClients()), number.format(facets.total())));
    }

    public ReadOnlyObjectProperty<List<ChartBar>> bars(Qualifier qualifier) {
        return switch (qualifier) {
            case MODEL -> models.getReadOnlyProperty();
            case OS -> oses.getReadOnlyProperty();
            case MEMORY -> memories.getReadOnlyProperty();
            case TAG -> tags.getReadOnlyProperty();
        };
    }

    public ReadOnlyStringProperty tagsTitleProperty() {
        return tagsTitle.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty oldClientShareProperty() {
        return oldClientShare.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty oldClientTextProperty() {
        return oldClientText.getReadOnlyProperty();
    }

    private static List<ChartBar> bars(FacetCounts facets, Qualifier qualifier) {
        List<ChartBar> bars = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : facets.ranked(qualifier)) {
            if (bars.size() == MAX_BARS) {
                break;
            }
            bars.add(new ChartBar(qualifier, entry.getKey(), label(qualifier, entry.getKey()), entry.getValue()));
        }
        return List.copyOf(bars);
    }

    /** The documented label, shortened for a chart axis ("Pi 5", "4 GB", "OS 13 (Trixie)"); else the value. */
    static String label(Qualifier qualifier, String value) {
        String known = qualifier.knownValues().get(value);
        if (known == null) {
            return value;
        }
        return known.replace("Raspberry Pi OS ", "OS ").replace("Raspberry Pi", "Pi");
    }
}
