package org.fleetdesk.ui.devices;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.Device;
import org.fleetdesk.export.DeviceColumn;
import org.fleetdesk.export.DeviceExport;
import org.fleetdesk.export.ExportFormat;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.query.FacetCounts;
import org.fleetdesk.query.FleetIndex;
import org.fleetdesk.query.QueryPrinter;
import org.fleetdesk.store.SavedSearch;
import org.fleetdesk.ui.common.BackgroundTask;
import org.fleetdesk.ui.common.ErrorMessages;
import org.fleetdesk.ui.common.RunningTask;
import org.fleetdesk.ui.common.Session;

/**
 * The Devices screen's state: the cached fleet as an in-memory index (rebuilt off the UI thread whenever the cache
 * changes), the current query and order, and the devices they select. Filtering the index takes about a millisecond
 * on 100,000 devices, so results are computed on the UI thread as the query changes. With {@link #liveProperty()}
 * on, the same query is sent to the API instead. Deleting, saving searches and exporting run in the background.
 */
public final class DevicesViewModel {
    private static final int LIVE_CONCURRENCY = 4;

    private final Session session;
    private FleetIndex index = FleetIndex.of(List.of());
    private FacetCounts fleetFacets = FacetCounts.NONE;
    private DeviceQuery query = DeviceQuery.EMPTY;
    private TableSort sort = TableSort.BY_NAME;
    private List<Device> liveAnswer;
    private DeviceQuery liveAnswerQuery;
    private long liveRequest;
    private RunningTask liveTask;
    private RunningTask loading;
    private boolean reloadPending;
    private final ReadOnlyObjectWrapper<List<Device>> results = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper cachedTotal = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("Loading devices…");
    private final BooleanProperty live = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<SavedSearch> savedSearches = FXCollections.observableArrayList();

    private record Loaded(FleetIndex index, FacetCounts fleetFacets, List<SavedSearch> savedSearches) {
    }

    public DevicesViewModel(Session session) {
        this.session = session;
        session.cacheVersionProperty().addListener((obs, old, now) -> reload());
        live.addListener((obs, was, now) -> {
            liveAnswer = null;
            if (!now && liveTask != null) {
                liveTask.cancel();
                searching.set(false);
            }
            refresh();
        });
    }

    /** Reads the cache into memory (in the background); called on start and whenever the cache changes. */
    public void reload() {
        if (loading != null && !loading.doneProperty().get()) {
            reloadPending = true;
            return;
        }
        loading = session.executor().submit("Loading devices from the cache", progress -> {
            FleetIndex built = session.store().index();
            return new Loaded(built, built.facets(DeviceQuery.EMPTY), session.store().savedSearches());
        }, this::loaded, failure -> {
            showError("Could not read the device cache: " + ErrorMessages.describe(failure));
            reloadAgainIfAsked();
        });
    }

    private void loaded(Loaded result) {
        index = result.index();
        fleetFacets = result.fleetFacets();
        cachedTotal.set(index.size());
        savedSearches.setAll(result.savedSearches());
        loaded.set(true);
        refresh();
        prepareOrders(index);
        reloadAgainIfAsked();
    }

    private void reloadAgainIfAsked() {
        if (reloadPending) {
            reloadPending = false;
            reload();
        }
    }

    /** Computes the index's sort orders in the background, so the first click on a column header is instant too. */
    private void prepareOrders(FleetIndex built) {
        session.executor().submit("Preparing sort orders", progress -> {
            for (DeviceSort.Field field : DeviceSort.Field.values()) {
                built.matchingIds(DeviceQuery.EMPTY, new DeviceSort(field, false));
            }
            return null;
        }, ignored -> { }, failure -> { });
    }

    public void setQuery(DeviceQuery newQuery) {
        if (!newQuery.equals(query)) {
            query = newQuery;
            refresh();
        }
    }

    public DeviceQuery query() {
        return query;
    }

    public void setSort(TableSort newSort) {
        if (newSort.equals(sort)) {
            return;
        }
        sort = newSort;
        if (live.get() && liveAnswer != null && query.equals(liveAnswerQuery)) {
            show(sort.order(liveAnswer));
        } else {
            refresh();
        }
    }

    public TableSort sort() {
        return sort;
    }

    private void refresh() {
        if (live.get()) {
            searchLive();
            return;
        }
        List<Device> found = sort.deviceSort().map(indexed -> index.matching(query, indexed))
                .orElseGet(() -> sort.orderNameSorted(index.matching(query, DeviceSort.BY_NAME)));
        show(found);
    }

    private void show(List<Device> found) {
        results.set(found);
        updateCountText();
    }

    private void updateCountText() {
        NumberFormat number = NumberFormat.getIntegerInstance();
        String text = number.format(results.get().size()) + " of " + number.format(cachedTotal.get()) + " devices";
        if (live.get()) {
            text = searching.get() ? "Searching the live API…" : text + " · live API";
        }
        countText.set(text);
    }

    private void searchLive() {
        if (liveTask != null) {
            liveTask.cancel();
        }
        long request = ++liveRequest;
        DeviceQuery asked = query;
        String printed = QueryPrinter.print(asked);
        ConnectClient client = session.client();
        searching.set(true);
        updateCountText();
        BackgroundTask<List<Device>> search = progress -> {
            List<Device> answer = client.fetchAllPages(
                    page -> client.listDevices(printed.isEmpty() ? null : printed, page, ConnectClient.MAX_PER_PAGE),
                    LIVE_CONCURRENCY, (done, total) -> progress.update(done, total,
                            "Searching the live API — page " + done + " of " + total), progress::isCancelled);
            Map<String, Device> byId = new LinkedHashMap<>();
            answer.forEach(device -> byId.put(device.id(), device));
            return List.copyOf(byId.values());
        };
        liveTask = session.executor().submit("Searching the live API", search, answer -> {
            if (request == liveRequest && live.get()) {
                liveAnswer = answer;
                liveAnswerQuery = asked;
                searching.set(false);
                show(sort.order(answer));
            }
        }, failure -> {
            if (request == liveRequest && !(failure instanceof CancellationException)) {
                searching.set(false);
                updateCountText();
                showError("The live search failed: " + ErrorMessages.describe(failure));
            }
        });
    }

    /** Value counts of the current results, for the charts. */
    public FacetCounts resultFacets() {
        if (live.get()) {
            return liveAnswer == null ? FacetCounts.NONE : FleetIndex.of(liveAnswer).facets(DeviceQuery.EMPTY);
        }
        return index.facets(query);
    }

    /** Value counts of the whole cached fleet, for the search bar's suggestions. */
    public FacetCounts fleetFacets() {
        return fleetFacets;
    }

    /** The devices shown, in table order. */
    public ReadOnlyObjectProperty<List<Device>> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    public List<Device> results() {
        return results.get();
    }

    /** How many devices the cache holds. */
    public ReadOnlyIntegerProperty cachedTotalProperty() {
        return cachedTotal.getReadOnlyProperty();
    }

    /** "N of M devices" (with "live API" while searching online). */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** Search the API instead of the cache. */
    public BooleanProperty liveProperty() {
        return live;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** True once the cache has been read. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The outcome of the last action (deleted, saved, exported, or what failed and what to do); empty for none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public void dismissMessage() {
        message.set("");
    }

    public ObservableList<SavedSearch> savedSearches() {
        return FXCollections.unmodifiableObservableList(savedSearches);
    }

    // ---- actions

    /** Deletes the devices from the organisation (API first), then from the cache; the screens reload. */
    public void delete(List<Device> devices) {
        List<Device> targets = List.copyOf(devices);
        if (targets.isEmpty()) {
            return;
        }
        String title = targets.size() == 1 ? "Deleting " + targets.get(0).name() : "Deleting " + targets.size() + " devices";
        session.executor().submit(title,
                progress -> DeviceDeletion.run(session.client(), session.store(), targets, progress), outcome -> {
                    if (!outcome.deleted().isEmpty()) {
                        session.cacheChanged();
                    }
                    if (outcome.isError()) {
                        showError(outcome.message());
                    } else {
                        showInfo(outcome.message());
                    }
                }, failure -> showError("Could not delete: " + ErrorMessages.describe(failure)));
    }

    /** Saves the current query under {@code name} (replacing a saved search of that name). */
    public void saveSearch(String name) {
        DeviceQuery saved = query;
        session.executor().submit("Saving the search", progress -> {
            SavedSearch search = session.store().saveSearch(name, saved);
            return Map.entry(search, session.store().savedSearches());
        }, outcome -> {
            savedSearches.setAll(outcome.getValue());
            showInfo("Saved the search \"" + outcome.getKey().name() + "\".");
        }, failure -> showError("Could not save the search: " + ErrorMessages.describe(failure)));
    }

    public void deleteSavedSearch(SavedSearch search) {
        session.executor().submit("Deleting a saved search", progress -> {
            session.store().deleteSavedSearch(search.name());
            return session.store().savedSearches();
        }, savedSearches::setAll, failure -> showError("Could not delete the saved search: "
                + ErrorMessages.describe(failure)));
    }

    /** Writes {@code devices} to {@code target} with the given columns. */
    public void export(Path target, List<Device> devices, List<DeviceColumn> columns, ExportFormat format) {
        List<Device> rows = List.copyOf(devices);
        List<DeviceColumn> cols = List.copyOf(columns);
        session.executor().submit("Exporting " + rows.size() + " devices", progress -> {
            DeviceExport.write(target, rows, cols, format);
            return target;
        }, written -> showInfo("Exported " + NumberFormat.getIntegerInstance().format(rows.size()) + " devices to "
                + written + "."), failure -> showError("Could not export to " + target + ": "
                + ErrorMessages.describe(failure) + "\nChoose a folder you can write to, with enough free space."));
    }

    private void showInfo(String text) {
        messageIsError.set(false);
        message.set(text);
    }

    private void showError(String text) {
        messageIsError.set(true);
        message.set(text);
    }
}
