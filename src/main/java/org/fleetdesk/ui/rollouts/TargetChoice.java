package org.fleetdesk.ui.rollouts;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.api.Device;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.query.QueryValidator;
import org.fleetdesk.rollout.TargetSet;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.Session;

/**
 * The wizard's targets step: a query evaluated on the cache as it is typed, or the selection the wizard was opened
 * with; how many devices, how many on old Connect clients, and the first {@value #PREVIEW_SIZE} of them. The devices
 * shown are the ones the rollout freezes.
 */
public final class TargetChoice {
    static final int PREVIEW_SIZE = 200;

    private final Session session;
    private final List<Device> selection;
    private final BooleanProperty useSelection = new SimpleBooleanProperty();
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<Device> preview = FXCollections.observableArrayList();
    private final IntegerProperty count = new SimpleIntegerProperty(-1);
    private final IntegerProperty oldClients = new SimpleIntegerProperty();
    private List<Device> devices = List.of();
    private long evaluation;

    public TargetChoice(Session session, List<Device> selection) {
        this.session = session;
        this.selection = List.copyOf(selection);
        useSelection.set(!this.selection.isEmpty());
        query.addListener((o, was, now) -> evaluate());
        useSelection.addListener((o, was, now) -> evaluate());
    }

    public boolean hasSelection() {
        return !selection.isEmpty();
    }

    public BooleanProperty useSelectionProperty() {
        return useSelection;
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** What in the query probably does not do what was meant; empty when nothing does. */
    public StringProperty warningProperty() {
        return warning;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObservableList<Device> preview() {
        return preview;
    }

    /** How many devices the rollout will deploy to (-1 while counting). */
    public IntegerProperty countProperty() {
        return count;
    }

    public IntegerProperty oldClientsProperty() {
        return oldClients;
    }

    public List<Device> devices() {
        return devices;
    }

    /** The devices shown, frozen: with the query they came from, or as a selection. */
    public TargetSet targetSet() {
        return useSelection.get() ? TargetSet.ofDevices(devices) : TargetSet.matching(query.get(), devices);
    }

    void evaluate() {
        long mine = ++evaluation;
        boolean selected = useSelection.get();
        String text = query.get();
        warning.set(selected ? "" : QueryValidator.validate(text).stream().findFirst().map(Object::toString).orElse(""));
        session.executor().submit("Counting the targets", progress -> selected ? selection
                : session.store().index().matching(QueryParser.parse(text), DeviceSort.BY_NAME), found -> {
                    if (mine != evaluation) {
                        return;
                    }
                    devices = List.copyOf(found);
                    count.set(found.size());
                    oldClients.set((int) found.stream().filter(Device::isOldClient).count());
                    preview.setAll(found.subList(0, Math.min(PREVIEW_SIZE, found.size())));
                }, failure -> error.set(ErrorMessages.describe(failure)));
    }
}
