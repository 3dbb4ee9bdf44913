package org.fleetdesk.ui.authkeys;

import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/** Copies a secret to the clipboard and clears the clipboard after 60 s if it still holds that secret. */
final class ClipboardGuard {
    static final Duration CLEAR_AFTER = Duration.seconds(60);

    private ClipboardGuard() {
    }

    static void copy(String secret) {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        ClipboardContent content = new ClipboardContent();
        content.putString(secret);
        clipboard.setContent(content);
        PauseTransition wait = new PauseTransition(CLEAR_AFTER);
        wait.setOnFinished(e -> {
            if (secret.equals(clipboard.getString())) {
                clipboard.clear();
            }
        });
        wait.play();
    }
}
