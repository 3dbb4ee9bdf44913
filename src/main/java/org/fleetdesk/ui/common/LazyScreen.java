package org.fleetdesk.ui.common;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/** A screen whose view is built the first time it is shown, so that starting the window builds only one. */
public abstract class LazyScreen implements Screen {
    private final String title;
    private final Ikon icon;
    private Node view;

    protected LazyScreen(String title, Ikon icon) {
        this.title = title;
        this.icon = icon;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Ikon icon() {
        return icon;
    }

    @Override
    public final Node view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    protected abstract Node build();
}
