package org.fleetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WindowHarnessTest {
    private Button button;

    @Start
    void start(Stage stage) {
        button = new Button("Click me");
        button.setOnAction(e -> button.setText("Clicked"));
        stage.setScene(new Scene(button, 200, 100));
        stage.show();
    }

    @Test
    void clickingAButtonRunsItsAction(FxRobot robot) {
        robot.clickOn("Click me");
        assertEquals("Clicked", button.getText());
    }
}
