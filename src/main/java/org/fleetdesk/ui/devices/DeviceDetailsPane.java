package org.fleetdesk.ui.devices;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fleetdesk.api.Device;
import org.fleetdesk.query.Qualifier;
import org.fleetdesk.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * Everything about one device: the documented fields, its {@code filters} values (each a link that filters by it),
 * its tags (chips, also filters) and its deployment history, read from the cache and fetched from the API on demand.
 */
public final class DeviceDetailsPane extends ScrollPane {
    private final DeviceDetailsViewModel model;
    private final BiConsumer<Qualifier, String> onFilter;
    private final VBox content = new VBox(12);
    private final Label empty = new Label("Select a device to see its details.");
    private final ListView<DeploymentRow> history = new ListView<>();
    private final Label historyStatus = new Label();
    private final Button fetch;
    private final Button showAll;
    private Consumer<Device> onShowDeployments;

    public DeviceDetailsPane(DeviceDetailsViewModel model, BiConsumer<Qualifier, String> onFilter) {
        this.model = model;
        this.onFilter = onFilter;
        setId("device-details");
        getStyleClass().add("device-details");
        setFitToWidth(true);
        content.setPadding(new Insets(12));
        empty.getStyleClass().add("muted");
        empty.setWrapText(true);
        fetch = new Button("Fetch from the API", Icons.icon(MaterialDesignR.REFRESH));
        fetch.setId("fetch-deployments");
        fetch.setTooltip(new Tooltip("Ask the API for this device's deployments and keep them in the cache"));
        fetch.setOnAction(e -> model.fetchDeployments());
        fetch.disableProperty().bind(model.fetchingProperty());
        showAll = new Button("Show deployments");
        showAll.setOnAction(e -> {
            if (onShowDeployments != null && model.deviceProperty().get() != null) {
                onShowDeployments.accept(model.deviceProperty().get());
            }
        });
        showAll.setVisible(false);
        showAll.setManaged(false);
        historyStatus.getStyleClass().add("muted");
        historyStatus.setWrapText(true);
        historyStatus.textProperty().bind(model.deploymentsStatusProperty());
        setUpHistory();
        model.deviceProperty().addListener((obs, old, now) -> render(now));
        render(model.deviceProperty().get());
        setContent(content);
    }

    /** Shows an "all deployments" button that hands the device to the Deployments screen. */
    public void setOnShowDeployments(Consumer<Device> action) {
        onShowDeployments = action;
        showAll.setVisible(action != null);
        showAll.setManaged(action != null);
    }

    private void render(Device device) {
        if (device == null) {
            content.getChildren().setAll(empty);
            return;
        }
        Label title = new Label(device.name());
        title.getStyleClass().addAll("title-3");
        title.setWrapText(true);
        GridPane fields = new GridPane();
        fields.getStyleClass().add("details-grid");
        fields.setHgap(12);
        fields.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        fields.getColumnConstraints().setAll(labels, values);
        int row = 0;
        row = addRow(fields, row, "ID", copyable(device.id()));
        row = addRow(fields, row, "Serial number", copyable(device.serialNumber()));
        String unknown = device.isOldClient() ? DeviceTable.UNKNOWN_OLD_CLIENT : "—";
        row = addRow(fields, row, "Board", text(device.board() == null ? null : device.board().model(), unknown));
        row = addRow(fields, row, "Revision", text(device.board() == null ? null : device.board().revision(), unknown));
        row = addRow(fields, row, "Memory", text(device.board() == null ? null : device.board().memory(), unknown));
        row = addRow(fields, row, "OS", text(device.os() == null ? null : device.os().name(), unknown));
        row = addRow(fields, row, "OS version", text(device.os() == null ? null : device.os().version(), unknown));
        row = addRow(fields, row, "Kernel", text(device.kernelArchitecture(), unknown));
        addRow(fields, row, "Filters", filters(device));

        VBox sections = new VBox(12, title, fields, section("Tags", tags(device)), historySection());
        content.getChildren().setAll(sections);
    }

    private Node filters(Device device) {
        if (device.filters().isEmpty()) {
            return text(null, device.isOldClient() ? "none (client < 2.9.0)" : "none");
        }
        FlowPane links = new FlowPane(8, 2);
        for (Qualifier qualifier : Qualifier.values()) {
            String value = device.filters().get(qualifier.key());
            if (value != null) {
                Hyperlink link = new Hyperlink(qualifier.key() + ":" + value);
                link.setTooltip(new Tooltip("Show only devices with " + qualifier.key() + ":" + value));
                link.setOnAction(e -> onFilter.accept(qualifier, value));
                links.getChildren().add(link);
            }
        }
        device.filters().entrySet().stream().filter(e -> Qualifier.named(e.getKey()).isEmpty())
                .map(Map.Entry::getKey).sorted().forEach(key -> links.getChildren().add(
                        new Label(key + ":" + device.filters().get(key))));
        return links;
    }

    private Node tags(Device device) {
        if (device.tags().isEmpty()) {
            Label none = new Label("No tags.");
            none.getStyleClass().add("muted");
            return none;
        }
        FlowPane chips = new FlowPane(4, 4);
        for (String tag : device.tags()) {
            Label chip = new Label(tag);
            chip.getStyleClass().add("chip");
            chip.setTooltip(new Tooltip("Show only devices tagged " + tag));
            chip.setOnMouseClicked(e -> onFilter.accept(Qualifier.TAG, tag));
            chips.getChildren().add(chip);
        }
        return chips;
    }

    private Node historySection() {
        HBox actions = new HBox(8, fetch, showAll);
        actions.setAlignment(Pos.CENTER_LEFT);
        return section("Deployment history", new VBox(6, actions, historyStatus, history));
    }

    private void setUpHistory() {
        history.setId("deployment-history");
        history.setItems(model.deployments());
        history.setPrefHeight(260);
        history.setCellFactory(view -> new DeploymentCell());
        history.visibleProperty().bind(Bindings.isNotEmpty(model.deployments()));
        history.managedProperty().bind(history.visibleProperty());
    }

    private static VBox section(String title, Node body) {
        Label heading = new Label(title);
        heading.getStyleClass().add("details-heading");
        return new VBox(6, heading, body);
    }

    private static int addRow(GridPane grid, int row, String label, Node value) {
        Label name = new Label(label);
        name.getStyleClass().add("muted");
        grid.addRow(row, name, value);
        return row + 1;
    }

    private static Label text(String value, String fallback) {
        Label label = new Label(value == null || value.isEmpty() ? fallback : value);
        if (value == null || value.isEmpty()) {
            label.getStyleClass().add("muted");
        }
        label.setWrapText(true);
        return label;
    }

    /** A read-only field, so the value can be selected and copied. */
    private static Node copyable(String value) {
        TextField field = new TextField(value == null ? "" : value);
        field.setEditable(false);
        field.getStyleClass().add("copyable");
        return field;
    }
}
