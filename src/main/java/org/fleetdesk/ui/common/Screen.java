package org.fleetdesk.ui.common;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/** One screen of the main window: its place in the sidebar, its view, and what happens when it is shown. */
public interface Screen {
    String title();

    Ikon icon();

    Node view();

    /** Called each time the screen becomes visible (refresh from the cache, focus the main control). */
    default void onShown() {
    }

    /** Ctrl/Cmd+F: focus this screen's search field, if it has one. */
    default void focusSearch() {
    }
}
