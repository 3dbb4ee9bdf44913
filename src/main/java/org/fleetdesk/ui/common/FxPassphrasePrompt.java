package org.fleetdesk.ui.common;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.fleetdesk.api.InvalidInputException;
import org.fleetdesk.secrets.PassphrasePrompt;

/**
 * Asks for the passphrase of an encrypted token file in a dialog. Token stores call it from background threads;
 * the calling thread waits while the dialog is open on the UI thread.
 */
public final class FxPassphrasePrompt implements PassphrasePrompt {
    private static final int MIN_LENGTH = 8;

    @Override
    public char[] passphrase(String profile, Purpose purpose) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("the passphrase prompt must be called off the UI thread");
        }
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(ask(profile, purpose)));
        try {
            return answer.get().orElseThrow(() -> new InvalidInputException(
                    "No passphrase was given for the token of " + profile + ": the token was not "
                            + (purpose == Purpose.CHOOSE ? "saved." : "unlocked.")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("The passphrase prompt was interrupted.");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Optional<char[]> ask(String profile, Purpose purpose) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Fleetdesk — passphrase");
        PasswordField first = new PasswordField();
        PasswordField second = new PasswordField();
        Label problem = new Label();
        problem.getStyleClass().add("form-error");
        VBox content = new VBox(8);
        if (purpose == Purpose.CHOOSE) {
            dialog.setHeaderText("Choose a passphrase to encrypt the token of " + profile);
            first.setPromptText("Passphrase (at least " + MIN_LENGTH + " characters)");
            second.setPromptText("The same passphrase again");
            content.getChildren().addAll(first, second, problem);
        } else {
            dialog.setHeaderText("Enter the passphrase that protects the token of " + profile);
            first.setPromptText("Passphrase");
            content.getChildren().addAll(first, problem);
        }
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            String error = purpose == Purpose.UNLOCK ? null : choiceProblem(first.getText(), second.getText());
            if (error != null) {
                problem.setText(error);
                event.consume();
            }
        });
        Platform.runLater(first::requestFocus);
        Optional<ButtonType> button = dialog.showAndWait();
        char[] chosen = first.getText().toCharArray();
        first.clear();
        second.clear();
        if (button.orElse(ButtonType.CANCEL) != ButtonType.OK) {
            Arrays.fill(chosen, '\0');
            return Optional.empty();
        }
        return Optional.of(chosen);
    }

    static String choiceProblem(String first, String second) {
        if (first.length() < MIN_LENGTH) {
            return "The passphrase is too short: use at least " + MIN_LENGTH + " characters.";
        }
        return first.equals(second) ? null : "The two passphrases differ: type the same passphrase twice.";
    }
}
