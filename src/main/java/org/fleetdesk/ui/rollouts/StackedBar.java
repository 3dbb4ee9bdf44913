package org.fleetdesk.ui.rollouts;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.fleetdesk.rollout.StatusCounts;
import org.fleetdesk.rollout.TargetStatus;

/** A bar split into one coloured segment per target status, each as wide as its share of the targets. */
final class StackedBar extends Region {
    private final List<Region> segments = new ArrayList<>();
    private final Tooltip tooltip = new Tooltip();
    private StatusCounts counts = StatusCounts.NONE;

    StackedBar(boolean thin) {
        getStyleClass().add("stacked-bar");
        if (thin) {
            getStyleClass().add("thin");
        }
        for (TargetStatus status : TargetStatus.values()) {
            Region segment = new Region();
            segment.getStyleClass().add(StatusStyle.styleClass(status));
            segments.add(segment);
            getChildren().add(segment);
        }
        Tooltip.install(this, tooltip);
        setMinWidth(40);
    }

    void setCounts(StatusCounts counts) {
        this.counts = counts;
        tooltip.setText(counts.toString());
        setAccessibleText(counts.toString());
        requestLayout();
    }

    StatusCounts counts() {
        return counts;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double height = getHeight() - snappedTopInset() - snappedBottomInset();
        int total = counts.total();
        double x = snappedLeftInset();
        for (TargetStatus status : TargetStatus.values()) {
            Region segment = segments.get(status.ordinal());
            double share = total == 0 ? 0 : width * counts.get(status) / total;
            segment.setVisible(share > 0);
            segment.resizeRelocate(snapPositionX(x), snappedTopInset(), snapSizeX(share), height);
            x += share;
        }
    }
}
