package org.fleetdesk.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The JavaFX application. */
public class FleetdeskApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Fleetdesk");
        stage.setScene(new Scene(new StackPane(new Label("Fleetdesk")), 1200, 800));
        stage.show();
    }
}
