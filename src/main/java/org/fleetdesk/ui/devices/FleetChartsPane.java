package org.fleetdesk.ui.devices;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.fleetdesk.query.Qualifier;

/**
 * "Fleet at a glance": horizontal bar charts of the current result by model, OS, memory and tag, and the share of
 * devices on an old Connect client. Clicking a bar filters by its value.
 */
public final class FleetChartsPane extends ScrollPane {
    private static final double BAR_HEIGHT = 22;
    private final BiConsumer<Qualifier, String> onFilter;

    public FleetChartsPane(FleetChartsViewModel model, BiConsumer<Qualifier, String> onFilter) {
        this.onFilter = onFilter;
        setId("fleet-charts");
        setFitToWidth(true);
        Label oldClients = new Label();
        oldClients.textProperty().bind(model.oldClientTextProperty());
        oldClients.setWrapText(true);
        ProgressBar share = new ProgressBar();
        share.progressProperty().bind(model.oldClientShareProperty());
        share.setMaxWidth(Double.MAX_VALUE);
        share.getStyleClass().add("old-client-share");
        VBox content = new VBox(10,
                chart("By model", model.bars(Qualifier.MODEL)),
                chart("By OS", model.bars(Qualifier.OS)),
                chart("By memory", model.bars(Qualifier.MEMORY)),
                chart(model.tagsTitleProperty(), model.bars(Qualifier.TAG)),
                heading("Connect client"), share, oldClients);
        content.setPadding(new Insets(12));
        setContent(content);
    }

    private VBox chart(String title, ReadOnlyObjectProperty<List<ChartBar>> bars) {
        return chart(Bindings.createStringBinding(() -> title), bars);
    }

    private VBox chart(ObservableStringValue title, ReadOnlyObjectProperty<List<ChartBar>> bars) {
        NumberAxis counts = new NumberAxis();
        counts.setForceZeroInRange(true);
        counts.setMinorTickVisible(false);
        CategoryAxis values = new CategoryAxis();
        BarChart<Number, String> chart = new BarChart<>(counts, values);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(4);
        chart.setMinHeight(80);
        chart.getStyleClass().add("fleet-chart");
        bars.addListener((obs, old, now) -> fill(chart, now));
        fill(chart, bars.get());
        Label heading = heading("");
        heading.textProperty().bind(title);
        return new VBox(2, heading, chart);
    }

    private void fill(BarChart<Number, String> chart, List<ChartBar> bars) {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        List<ChartBar> bottomUp = new ArrayList<>(bars);
        Collections.reverse(bottomUp);
        for (ChartBar bar : bottomUp) {
            XYChart.Data<Number, String> data = new XYChart.Data<>(bar.count(), bar.label());
            data.nodeProperty().addListener((obs, old, node) -> {
                if (node != null) {
                    node.setCursor(Cursor.HAND);
                    node.setOnMouseClicked(e -> onFilter.accept(bar.qualifier(), bar.value()));
                    Tooltip.install(node, new Tooltip(bar.qualifier().key() + ":" + bar.value() + " — "
                            + String.format("%,d", bar.count()) + " devices. Click to filter."));
                }
            });
            series.getData().add(data);
        }
        ((CategoryAxis) chart.getYAxis()).getCategories().setAll(bottomUp.stream().map(ChartBar::label).toList());
        chart.getData().setAll(List.of(series));
        chart.setPrefHeight(Math.max(80, bars.size() * BAR_HEIGHT + 50));
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("details-heading");
        return label;
    }
}
