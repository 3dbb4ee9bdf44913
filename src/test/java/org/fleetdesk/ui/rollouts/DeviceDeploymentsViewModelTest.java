package org.fleetdesk.ui.rollouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.fleetdesk.api.Artefact;
import org.fleetdesk.api.DeploymentState;
import org.fleetdesk.sim.SimConfig;
import org.fleetdesk.ui.common.SameThreadTaskExecutor;
import org.fleetdesk.ui.common.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceDeploymentsViewModelTest {
    @TempDir
    Path dir;

    private Session session;

    @BeforeEach
    void open() throws Exception {
        session = SimSession.open(SimConfig.builder().devices(3).seed(3).speed(0.001).offlinePct(0).build(), dir,
                new SameThreadTaskExecutor());
        SimSession.online(session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void deployToOneDeviceSaysItReplacesThePendingOneAndCancelsIt() {
        Artefact v1 = SimSession.artefact(session, "kiosk-v1", "https://example.com/v1.img");
        Artefact v2 = SimSession.artefact(session, "kiosk-v2", "https://example.com/v2.img");
        String device = session.store().index().devices().get(0).id();
        DeviceDeploymentsViewModel model = new DeviceDeploymentsViewModel(session, device);
        model.load();
        assertTrue(model.deployments().isEmpty());
        assertEquals("", model.replacesProperty().get());

        model.artefactProperty().set(v1);
        model.deploy();
        assertEquals(1, model.deployments().size());
        assertEquals("Deploying replaces the pending deployment of kiosk-v1.", model.replacesProperty().get());
        model.artefactProperty().set(v2);
        model.deploy();
        assertEquals(DeploymentState.FAILED, model.deployments().get(1).state(), "superseded");
        assertEquals(2, session.store().deployments(device).size(), "the cache holds what the API listed");

        model.cancel(model.deployments().get(0));
        assertEquals(DeploymentState.CANCELLED, model.deployments().get(0).state());
        model.cancel(model.deployments().get(0));
        assertTrue(model.errorProperty().get().startsWith("Cannot cancel deployment in state \"cancelled\""),
                model.errorProperty().get());
    }
}
