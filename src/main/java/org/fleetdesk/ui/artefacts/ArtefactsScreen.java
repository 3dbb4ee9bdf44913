package org.fleetdesk.ui.artefacts;

import javafx.scene.Node;
import org.fleetdesk.ui.common.Screen;
import org.fleetdesk.ui.common.Session;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The Artefacts screen of the main window. */
public final class ArtefactsScreen implements Screen {
    private final ArtefactsViewModel model;
    private final ArtefactsView view;

    public ArtefactsScreen(Session session) {
        this.model = new ArtefactsViewModel(session);
        this.view = new ArtefactsView(model);
        session.cacheVersionProperty().addListener((o, was, now) -> model.refresh());
    }

    @Override
    public String title() {
        return "Artefacts";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignP.PACKAGE_VARIANT_CLOSED;
    }

    @Override
    public Node view() {
        return view.node();
    }

    @Override
    public void onShown() {
        model.refresh();
    }

    @Override
    public void focusSearch() {
        view.focusSearch();
    }

    public ArtefactsViewModel model() {
        return model;
    }
}
