package org.fleetdesk.ui.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.ConnectClient;
import org.fleetdesk.api.DeploymentState;
import org.fleetdesk.api.Device;
import org.fleetdesk.api.NewArtefact;
import org.fleetdesk.ui.SimSessionFixture;
import org.fleetdesk.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceDetailsViewModelTest {
    private SimSessionFixture fixture;
    private DeviceDetailsViewModel details;
    private Device device;
    private Device other;

    @BeforeEach
    void start() {
        fixture = SimSessionFixture.start(20, 3, new SameThreadTaskExecutor());
        details = new DeviceDetailsViewModel(fixture.session());
        List<Device> devices = fixture.session().store().index().devices();
        device = devices.get(0);
        other = devices.get(1);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void fetchesTheHistoryOnDemandWithArtefactNamesAndCachesIt() {
        ConnectClient client = fixture.session().client();
        Artefact artefact = client.createArtefact(new NewArtefact("signage-1.2.0", "https://example.com/s.tar",
                "b".repeat(64)));
        client.createDeployment(device.id(), artefact.id());

        details.show(device);
        assertTrue(details.deployments().isEmpty());
        assertTrue(details.deploymentsStatusProperty().get().startsWith("No deployment history in the cache"));

        details.fetchDeployments();
        assertEquals(1, details.deployments().size());
        DeploymentRow row = details.deployments().get(0);
        assertEquals("signage-1.2.0", row.artefact());
        assertTrue(row.state() == DeploymentState.PENDING || row.state() == DeploymentState.IN_PROGRESS
                || row.state() == DeploymentState.SUCCEEDED, row.state().toString());
        assertEquals("Fetched from the API just now.", details.deploymentsStatusProperty().get());
        assertEquals(1, fixture.session().store().deployments(device.id()).size());

        details.show(other);
        assertTrue(details.deployments().isEmpty());
        details.show(device);
        assertEquals("signage-1.2.0", details.deployments().get(0).artefact());
        assertTrue(details.deploymentsStatusProperty().get().startsWith("From the cache"));
    }

    @Test
    void aFailedFetchSaysWhatWentWrongAndKeepsTheCachedHistory() {
        details.show(device);
        fixture.sim().stop();

        details.fetchDeployments();

        assertTrue(details.deploymentsStatusProperty().get().startsWith("Could not fetch the deployments"),
                details.deploymentsStatusProperty().get());
        assertTrue(details.deployments().isEmpty());
    }
}
