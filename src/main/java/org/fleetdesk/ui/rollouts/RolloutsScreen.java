package org.fleetdesk.ui.rollouts;

import java.util.List;
import javafx.scene.Node;
import org.fleetdesk.api.Device;
import org.fleetdesk.ui.common.Screen;
import org.fleetdesk.ui.common.Session;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The Deployments screen of the main window: rollouts with their history, the monitor, and the rollout wizard. The
 * Devices screen starts a rollout of its selection with {@link #openWizard(List)}.
 */
public final class RolloutsScreen implements Screen {
    private final RolloutsViewModel model;
    private final RolloutsView view;

    public RolloutsScreen(Session session) {
        this.model = new RolloutsViewModel(session);
        this.view = new RolloutsView(model);
    }

    @Override
    public String title() {
        return "Deployments";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignR.ROCKET_LAUNCH;
    }

    @Override
    public Node view() {
        return view.node();
    }

    @Override
    public void onShown() {
        model.refresh();
    }

    /** Opens the rollout wizard; with devices, they are the targets (else the wizard asks for a query). */
    public void openWizard(List<Device> preselected) {
        view.openWizard(preselected);
    }

    public RolloutsViewModel model() {
        return model;
    }

    RolloutMonitorViewModel monitor() {
        return view.monitor();
    }
}
