package org.fleetdesk.ui.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fleetdesk.api.Device;
import org.fleetdesk.export.DeviceColumn;
import org.fleetdesk.export.ExportFormat;
import org.fleetdesk.query.DeviceQuery;
import org.fleetdesk.query.DeviceSort;
import org.fleetdesk.query.QueryMatcher;
import org.fleetdesk.query.QueryParser;
import org.fleetdesk.ui.SimSessionFixture;
import org.fleetdesk.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DevicesViewModelTest {
    private SimSessionFixture fixture;
    private DevicesViewModel model;

    @BeforeEach
    void start() {
        fixture = SimSessionFixture.start(300, 11, new SameThreadTaskExecutor());
        model = new DevicesViewModel(fixture.session());
        model.reload();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private List<Device> simDevices(DeviceQuery query) {
        return fixture.sim().organisation().devices().stream().filter(QueryMatcher.of(query)).toList();
    }

    @Test
    void showsTheWholeCachedFleetInNameOrder() {
        assertEquals(300, model.results().size());
        assertEquals("300 of 300 devices", model.countTextProperty().get());
        List<Device> byName = new ArrayList<>(model.results());
        byName.sort(DeviceSort.BY_NAME.comparator());
        assertEquals(byName, model.results());
    }

    @Test
    void filtersWithTheQuery() {
        DeviceQuery query = QueryParser.parse("model:5 kiosk");
        model.setQuery(query);

        assertEquals(simDevices(query).size(), model.results().size());
        assertFalse(model.results().isEmpty());
        assertTrue(model.results().stream().allMatch(d -> "5".equals(d.filters().get("model"))
                && d.name().contains("kiosk")));
        assertEquals(model.results().size() + " of 300 devices", model.countTextProperty().get());
    }

    @Test
    void sortsByIndexedAndByOtherColumns() {
        model.setSort(new TableSort(DeviceColumn.MODEL, true));
        List<Device> expected = new ArrayList<>(model.results());
        expected.sort(new DeviceSort(DeviceSort.Field.MODEL, true).comparator());
        assertEquals(expected, model.results());

        model.setSort(new TableSort(DeviceColumn.KERNEL_ARCHITECTURE, false));
        List<String> kernels = model.results().stream().map(Device::kernelArchitecture).toList();
        int firstMissing = kernels.indexOf(null);
        assertTrue(firstMissing > 0, "devices that report a kernel come first");
        assertTrue(kernels.subList(firstMissing, kernels.size()).stream().allMatch(k -> k == null));
        List<String> present = kernels.subList(0, firstMissing);
        assertEquals(present.stream().sorted().toList(), present);
    }

    @Test
    void deletesFromTheOrganisationThenFromTheCache() {
        List<Device> doomed = model.results().subList(0, 2).stream().toList();

        model.delete(doomed);

        for (Device device : doomed) {
            assertTrue(fixture.sim().organisation().device(device.id()).isEmpty());
            assertTrue(fixture.session().store().device(device.id()).isEmpty());
            assertFalse(model.results().contains(device));
        }
        assertEquals(298, model.results().size());
        assertEquals("Deleted 2 devices.", model.messageProperty().get());
        assertFalse(model.messageIsErrorProperty().get());
    }

    @Test
    void aDeviceAlreadyDeletedElsewhereLeavesTheCacheToo() {
        Device gone = model.results().get(0);
        fixture.session().client().deleteDevice(gone.id());

        model.delete(List.of(gone));

        assertTrue(fixture.session().store().device(gone.id()).isEmpty());
        assertEquals(299, model.results().size());
    }

    @Test
    void aRefusedDeleteSaysWhyAndKeepsTheDevice() {
        Device kept = model.results().get(0);
        fixture.sim().stop();

        model.delete(List.of(kept));

        assertTrue(model.messageIsErrorProperty().get());
        assertTrue(model.messageProperty().get().startsWith("Could not delete " + kept.name() + ": "),
                model.messageProperty().get());
        assertTrue(fixture.session().store().device(kept.id()).isPresent());
        assertEquals(300, model.results().size());
    }

    @Test
    void theLiveToggleRunsTheSameQueryOnTheApi() {
        DeviceQuery query = QueryParser.parse("tag:kiosk memory:4gb");
        model.setQuery(query);
        List<Device> cached = List.copyOf(model.results());
        fixture.session().client().deleteDevice(cached.get(0).id());

        model.liveProperty().set(true);

        List<Device> expected = new ArrayList<>(simDevices(query));
        expected.sort(DeviceSort.BY_NAME.comparator());
        assertEquals(expected, model.results());
        assertEquals(cached.size() - 1, model.results().size());
        assertTrue(model.countTextProperty().get().endsWith("live API"), model.countTextProperty().get());

        model.setSort(new TableSort(DeviceColumn.SERIAL_NUMBER, false));
        List<String> serials = model.results().stream().map(Device::serialNumber).toList();
        assertEquals(serials.stream().sorted(Comparator.comparing(String::toLowerCase)).toList(), serials);

        model.liveProperty().set(false);
        assertEquals(cached.size(), model.results().size());
    }

    @Test
    void savedSearchesAreKeptPerOrganisation() {
        model.setQuery(QueryParser.parse("tag:kiosk leeds"));
        model.saveSearch("Leeds kiosks");

        assertEquals(1, model.savedSearches().size());
        assertEquals(QueryParser.parse("tag:kiosk leeds"), model.savedSearches().get(0).query());
        assertEquals(1, fixture.session().store().savedSearches().size());

        model.saveSearch("  ");
        assertTrue(model.messageIsErrorProperty().get());
        assertTrue(model.messageProperty().get().contains("needs a name"), model.messageProperty().get());

        model.deleteSavedSearch(model.savedSearches().get(0));
        assertTrue(model.savedSearches().isEmpty());
    }

    @Test
    void exportsTheGivenDevicesAndColumns() throws Exception {
        Path target = fixture.folder().resolve("out/devices.csv");
        model.export(target, model.results().subList(0, 3), List.of(DeviceColumn.NAME, DeviceColumn.MODEL),
                ExportFormat.CSV);

        List<String> lines = Files.readAllLines(target);
        assertEquals("ID,Name,Model", lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(model.messageProperty().get().startsWith("Exported 3 devices"), model.messageProperty().get());
    }
}
