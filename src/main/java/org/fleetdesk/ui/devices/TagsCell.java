package org.fleetdesk.ui.devices;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.fleetdesk.api.Device;

/** A device's tags as small chips; clicking one filters by it. Chip labels are reused as the table scrolls. */
final class TagsCell extends TableCell<Device, Device> {
    private final HBox chips = new HBox(4);
    private final Consumer<String> onTagClicked;

    TagsCell(Consumer<String> onTagClicked) {
        this.onTagClicked = onTagClicked;
        chips.setAlignment(Pos.CENTER_LEFT);
        setText(null);
        setTooltip(new Tooltip("Click a tag to show only the devices that have it"));
    }

    @Override
    protected void updateItem(Device device, boolean empty) {
        super.updateItem(device, empty);
        if (empty || device == null || device.tags().isEmpty()) {
            setGraphic(null);
            return;
        }
        List<String> tags = device.tags();
        while (chips.getChildren().size() < tags.size()) {
            chips.getChildren().add(newChip());
        }
        chips.getChildren().remove(tags.size(), chips.getChildren().size());
        for (int i = 0; i < tags.size(); i++) {
            ((Label) chips.getChildren().get(i)).setText(tags.get(i));
        }
        setGraphic(chips);
    }

    private Label newChip() {
        Label chip = new Label();
        chip.getStyleClass().addAll("chip", "tag-chip");
        chip.setMinWidth(Label.USE_PREF_SIZE);
        chip.setOnMouseClicked(e -> {
            onTagClicked.accept(chip.getText());
            e.consume();
        });
        return chip;
    }
}
